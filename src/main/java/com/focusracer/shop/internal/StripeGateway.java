package com.focusracer.shop.internal;

import java.util.Optional;
import java.util.UUID;

import com.focusracer.shop.ShopProperties;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;

import org.springframework.stereotype.Component;

/**
 * The calls the shop makes to Stripe, each with an idempotency key that the caller stored
 * before calling: a retried call never charges, refunds or transfers twice.
 */
@Component
public class StripeGateway {

	private final StripeClient client;

	StripeGateway(ShopProperties properties) {
		ShopProperties.Stripe stripe = properties.stripe();
		if (properties.stripeEnabled()) {
			StripeClient.StripeClientBuilder builder = StripeClient.builder()
				.setApiKey(stripe.secretKey())
				.setMaxNetworkRetries(2);
			if (stripe.apiBase() != null && !stripe.apiBase().isBlank()) {
				builder.setApiBase(stripe.apiBase()).setConnectBase(stripe.apiBase());
			}
			this.client = builder.build();
		}
		else {
			this.client = null;
		}
	}

	/**
	 * Creates the PaymentIntent of an order (or finds the one a previous try created).
	 * @return the intent
	 */
	public PaymentIntent createPayment(UUID orderId, long amount, String currency, String email, String idempotencyKey)
			throws StripeException {
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(amount)
			.setCurrency(currency.toLowerCase())
			.setReceiptEmail(email)
			.putMetadata("order_id", orderId.toString())
			.setTransferGroup(orderId.toString())
			.setAutomaticPaymentMethods(
					PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
			.build();
		return client().paymentIntents().create(params, options(idempotencyKey));
	}

	public PaymentIntent payment(String paymentIntentId) throws StripeException {
		return client().paymentIntents().retrieve(paymentIntentId);
	}

	public String refund(String paymentIntentId, long amount, String idempotencyKey) throws StripeException {
		return client().refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paymentIntentId).setAmount(amount).build(),
					options(idempotencyKey))
			.getId();
	}

	public String createExpressAccount(String email, String idempotencyKey) throws StripeException {
		AccountCreateParams params = AccountCreateParams.builder()
			.setType(AccountCreateParams.Type.EXPRESS)
			.setEmail(email)
			.setCapabilities(AccountCreateParams.Capabilities.builder()
				.setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
				.build())
			.build();
		return client().accounts().create(params, options(idempotencyKey)).getId();
	}

	public String onboardingLink(String stripeAccountId, String refreshUrl, String returnUrl) throws StripeException {
		return client().accountLinks()
			.create(AccountLinkCreateParams.builder()
				.setAccount(stripeAccountId)
				.setRefreshUrl(refreshUrl)
				.setReturnUrl(returnUrl)
				.setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
				.build())
			.getUrl();
	}

	public boolean accountReady(String stripeAccountId) throws StripeException {
		Account account = client().accounts().retrieve(stripeAccountId);
		return Boolean.TRUE.equals(account.getDetailsSubmitted()) && Boolean.TRUE.equals(account.getPayoutsEnabled());
	}

	/**
	 * Transfers a payout to a pro's account. The payout's id is the idempotency key, the
	 * {@code transfer_group} and the {@code payout_id} metadata: {@link #findTransfer}
	 * finds the transfer again after Stripe forgot the key (24 hours).
	 * @param chargeId the sale's charge, which the transfer draws on, or {@code null}
	 * @return the transfer's id
	 */
	public String transfer(long amount, String currency, String destination, String chargeId, UUID orderId,
			UUID payoutId, String group) throws StripeException {
		TransferCreateParams.Builder params = TransferCreateParams.builder()
			.setAmount(amount)
			.setCurrency(currency.toLowerCase())
			.setDestination(destination)
			.setTransferGroup(group)
			.putMetadata("payout_id", payoutId.toString())
			.putMetadata("order_id", orderId.toString());
		if (chargeId != null) {
			params.setSourceTransaction(chargeId);
		}
		return client().transfers().create(params.build(), options(group)).getId();
	}

	/**
	 * Transfers an agreed fee from the platform's balance to the photographer's account
	 * (the organizer's next payouts net it). The fee transfer's id is the idempotency key
	 * and the {@code payout_id} metadata; {@code fee-<fee id>} is the
	 * {@code transfer_group}.
	 * @return the transfer's id
	 */
	public String transferFee(long amount, String currency, String destination, UUID feeId, UUID feeTransferId,
			String group) throws StripeException {
		TransferCreateParams params = TransferCreateParams.builder()
			.setAmount(amount)
			.setCurrency(currency.toLowerCase())
			.setDestination(destination)
			.setTransferGroup(group)
			.putMetadata("payout_id", feeTransferId.toString())
			.putMetadata("fee_id", feeId.toString())
			.build();
		return client().transfers().create(params, options("fee-transfer-" + feeTransferId)).getId();
	}

	/**
	 * The transfer Stripe made for a payout, if it made one.
	 * @param payoutId the payout
	 * @param group its {@code transfer_group}
	 * @return the transfer's id, or empty when Stripe has none
	 */
	public Optional<String> findTransfer(UUID payoutId, String group) throws StripeException {
		StripeCollection<Transfer> found = client().transfers()
			.list(TransferListParams.builder().setTransferGroup(group).setLimit(10L).build());
		return found.getData()
			.stream()
			.filter((transfer) -> group.equals(transfer.getTransferGroup()))
			.filter((transfer) -> transfer.getMetadata() == null || transfer.getMetadata().get("payout_id") == null
					|| payoutId.toString().equals(transfer.getMetadata().get("payout_id")))
			.map(Transfer::getId)
			.findFirst();
	}

	private StripeClient client() {
		if (this.client == null) {
			throw new IllegalStateException("Stripe is not configured: set STRIPE_SECRET_KEY");
		}
		return this.client;
	}

	private static RequestOptions options(String idempotencyKey) {
		return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
	}

}
