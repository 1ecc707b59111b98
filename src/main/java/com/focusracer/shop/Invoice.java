package com.focusracer.shop;

import java.time.Instant;
import java.util.UUID;

/**
 * An invoice of a paid order, or a credit note for a refund of it, as issued: its number
 * and amounts never change afterwards.
 *
 * @param number e.g. {@code FR-2026-000123}, from the same gap-free numbering for both
 * kinds
 * @param kind invoice or credit note
 * @param orderId the order
 * @param corrects for a credit note, the invoice it corrects; else {@code null}
 * @param issuedAt when it was issued (the payment, or the refund)
 * @param amount the amount with VAT, in minor units (a credit note's is what it refunds)
 * @param vatRatePercent the VAT rate when it was issued
 * @param vatAmount the VAT the amount includes
 * @param currency ISO code
 */
public record Invoice(String number, Kind kind, UUID orderId, String corrects, Instant issuedAt, long amount,
		int vatRatePercent, long vatAmount, String currency) {

	/**
	 * The amount before VAT.
	 * @return amount less VAT
	 */
	public long netAmount() {
		return this.amount - this.vatAmount;
	}

	/**
	 * What a document is.
	 */
	public enum Kind {

		/** The invoice of a paid order. */
		INVOICE,
		/** A credit note: part or all of a paid order refunded. */
		CREDIT_NOTE

	}

}
