package com.focusracer.shop;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An order's own state changes: only ever forward, whatever the order in which the
 * provider's events come.
 */
class OrderTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void aPendingOrFailedOrderIsPaidOnceAndAPaidOrderNeverFailsOrIsPaidAgain() {
		Order paid = anOrder(OrderStatus.PENDING).markPaid(NOW, NOW.plusSeconds(60));
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.paidAt()).isEqualTo(NOW);
		assertThat(paid.linksUntil()).isEqualTo(NOW.plusSeconds(60));
		assertThat(anOrder(OrderStatus.FAILED).markPaid(NOW, NOW).status()).isEqualTo(OrderStatus.PAID);
		assertThatIllegalStateException().isThrownBy(() -> paid.markPaid(NOW, NOW));
		assertThat(paid.markFailed()).isEmpty();
		assertThat(anOrder(OrderStatus.PENDING).markFailed()).get()
			.extracting(Order::status)
			.isEqualTo(OrderStatus.FAILED);
	}

	@Test
	void refundsOnlyAddUpFromPartlyToWhollyRefunded() {
		Order paid = anOrder(OrderStatus.PAID);
		Order partly = paid.refund(300).orElseThrow();
		assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		assertThat(partly.refundedAmount()).isEqualTo(300);
		assertThat(partly.refund(300)).as("the same total again").isEmpty();
		assertThat(partly.refund(200)).as("an older total").isEmpty();
		Order wholly = partly.refund(5000).orElseThrow();
		assertThat(wholly.status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(wholly.refundedAmount()).as("never more than paid").isEqualTo(1000);
		assertThat(wholly.refund(2000)).isEmpty();
		assertThat(anOrder(OrderStatus.PENDING).refund(100)).as("not paid").isEmpty();
	}

	@Test
	void aPaymentThatIsNotTheOrdersHoldsAnUnpaidOrderAndLeavesAPaidOneAsItIs() {
		Order.PaymentProblem problem = new Order.PaymentProblem("evt_1", 100L, "eur", NOW);
		Order held = anOrder(OrderStatus.PENDING).hold(problem);
		assertThat(held.held()).isTrue();
		assertThat(held.problem()).isEqualTo(problem);
		assertThat(held.payable()).isFalse();
		Order paid = anOrder(OrderStatus.PAID).hold(problem);
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.problem()).isEqualTo(problem);
	}

	private static Order anOrder(OrderStatus status) {
		return new Order(UUID.randomUUID(), UUID.randomUUID(), "buyer@example.org", "fr", null, null,
				Resolution.ORIGINAL, status, 1000, "EUR", 0, "SINGLE:2x1@500", "stripe", "pi_1", null, null, NOW, null,
				null, null);
	}

}
