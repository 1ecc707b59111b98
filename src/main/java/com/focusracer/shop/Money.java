package com.focusracer.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import com.focusracer.shared.UserMistakeException;

/**
 * Amounts in minor units (cents): parsed from what people type, shown in their language.
 * Never a floating-point number on the way.
 */
public final class Money {

	private Money() {
	}

	/**
	 * Shows an amount, e.g. {@code 12,50 €} in French and {@code €12.50} in English.
	 * @param minor the amount in minor units
	 * @param currency the ISO code
	 * @param locale the reader's language
	 * @return the text
	 */
	public static String format(long minor, String currency, Locale locale) {
		Currency unit = Currency.getInstance(currency);
		NumberFormat format = NumberFormat
			.getCurrencyInstance("en".equals(locale.getLanguage()) ? Locale.UK : Locale.FRANCE);
		format.setCurrency(unit);
		BigDecimal value = BigDecimal.valueOf(minor, unit.getDefaultFractionDigits());
		return format.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
	}

	/**
	 * Reads an amount typed in a form: {@code 12}, {@code 12.5}, {@code 12,50},
	 * {@code 12 €}.
	 * @param text what was typed
	 * @return the amount in minor units, or {@code null} when the field was left empty
	 * @throws UserMistakeException when it is not an amount
	 */
	public static Long parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String clean = text.strip().replace("€", "").replace(" ", "").replace('\u00a0', ' ').strip().replace(',', '.');
		try {
			BigDecimal value = new BigDecimal(clean);
			if (value.signum() < 0 || value.scale() > 2 || value.compareTo(BigDecimal.valueOf(100_000)) > 0) {
				throw new UserMistakeException("shop.amount.invalid", text.strip());
			}
			return value.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new UserMistakeException("shop.amount.invalid", text.strip());
		}
	}

	/**
	 * An amount as typed in a form field: {@code 12.50}.
	 * @param minor the amount, or {@code null}
	 * @return the text, empty for {@code null}
	 */
	public static String plain(Long minor) {
		return (minor != null) ? BigDecimal.valueOf(minor, 2).toPlainString() : "";
	}

	/**
	 * A percentage of an amount, rounded half up to the minor unit.
	 * @param minor the amount
	 * @param percent the percentage
	 * @return the share
	 */
	public static long percent(long minor, int percent) {
		return (minor * percent + 50) / 100;
	}

	/**
	 * The VAT included in a price: price × rate / (100 + rate), rounded half up to the
	 * minor unit (away from zero for a negative amount, such as a reduction), so that the
	 * price less its VAT is exactly the amount before VAT.
	 * @param gross the price, VAT included
	 * @param ratePercent the VAT rate, e.g. 20
	 * @return the VAT it includes
	 */
	public static long vatIncluded(long gross, int ratePercent) {
		if (ratePercent <= 0) {
			return 0;
		}
		return BigDecimal.valueOf(gross)
			.multiply(BigDecimal.valueOf(ratePercent))
			.divide(BigDecimal.valueOf(100L + ratePercent), 0, RoundingMode.HALF_UP)
			.longValueExact();
	}

}
