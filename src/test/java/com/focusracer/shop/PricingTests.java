package com.focusracer.shop;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.shared.UserMistakeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The price of a cart: the cheapest mix of single photos and packs, "all my photos" when
 * it costs no more, the offer when it costs little more, the cap, free events.
 */
class PricingTests {

	private static final PriceList PRICES = new PriceList(UUID.randomUUID(), "EUR", 500,
			List.of(new PriceList.Pack(3, 1200), new PriceList.Pack(5, 1800)), 2500L, 300L, null, false, false, 0);

	@Test
	void threePhotosCostThePackOfThreeAndTheSavingIsShown() {
		Quote quote = Pricing.quote(PRICES, 3, Resolution.ORIGINAL, null, 0, 0L);
		assertThat(quote.amount()).isEqualTo(1200);
		assertThat(quote.fullPrice()).isEqualTo(1500);
		assertThat(quote.savings()).isEqualTo(300);
		assertThat(quote.lines()).containsExactly(new Quote.Line(Quote.Kind.PACK, 1, 3, 1200, 1200));
	}

	@Test
	void theCheapestMixIsFoundEvenWhenAPackCoversMoreThanNeeded() {
		// 4 photos: pack of 3 + 1 single = 17 €, pack of 5 = 18 €, 4 singles = 20 €.
		assertThat(Pricing.quote(PRICES, 4, Resolution.ORIGINAL, null, 0, 0L).amount()).isEqualTo(1700);
		// 8 photos: pack of 5 + pack of 3 = 30 €.
		Quote eight = Pricing.quote(PRICES, 8, Resolution.ORIGINAL, null, 0, 0L);
		assertThat(eight.amount()).isEqualTo(3000);
		assertThat(eight.lines()).containsExactly(new Quote.Line(Quote.Kind.PACK, 1, 5, 1800, 1800),
				new Quote.Line(Quote.Kind.PACK, 1, 3, 1200, 1200));
		// 2 photos: 2 singles (10 €) beat a pack of 3 used for 2 (12 €).
		assertThat(Pricing.quote(PRICES, 2, Resolution.ORIGINAL, null, 0, 0L).amount()).isEqualTo(1000);
		// 5 photos of one pack never cost more than the pack.
		assertThat(Pricing.quote(PRICES, 5, Resolution.ORIGINAL, null, 0, 0L).amount()).isEqualTo(1800);
	}

	@Test
	void allMyPhotosReplacesTheCartWhenItCostsNoMoreAndIsOfferedWhenItCostsLittleMore() {
		// 6 of the bib's 7 photos: best mix 23 € (5 + 1), all 7 for 25 €: offered, 2 €
		// more.
		Quote six = Pricing.quote(PRICES, 6, Resolution.ORIGINAL, "1975", 7, 0L);
		assertThat(six.amount()).isEqualTo(2300);
		assertThat(six.upsell()).isEqualTo(new Quote.Upsell("1975", 7, 2500, 200));
		// 7 of 7 photos: best mix 27 € (5 + 2 singles): all my photos at 25 € wins.
		Quote seven = Pricing.quote(PRICES, 7, Resolution.ORIGINAL, "1975", 7, 0L);
		assertThat(seven.amount()).isEqualTo(2500);
		assertThat(seven.allPhotosBib()).isEqualTo("1975");
		assertThat(seven.photos()).isEqualTo(7);
		// 1 photo of 20: 20 € more is no small step, nothing offered.
		assertThat(Pricing.quote(PRICES, 1, Resolution.ORIGINAL, "1975", 20, 0L).upsell()).isNull();
	}

	@Test
	void theCapPerRunnerCountsWhatTheRunnerAlreadyPaid() {
		PriceList capped = new PriceList(UUID.randomUUID(), "EUR", 500, List.of(), null, null, 2000L, false, false, 0);
		assertThat(Pricing.quote(capped, 3, Resolution.ORIGINAL, null, 0, 0L).amount()).isEqualTo(1500);
		Quote afterFirstOrder = Pricing.quote(capped, 3, Resolution.ORIGINAL, null, 0, 1500L);
		assertThat(afterFirstOrder.amount()).isEqualTo(500);
		assertThat(afterFirstOrder.capApplied()).isTrue();
		assertThat(Pricing.quote(capped, 10, Resolution.ORIGINAL, null, 0, 2000L).amount()).isZero();
	}

	@Test
	void aBuyerWhoProvedNothingGetsTheCapOnThisCartAloneNeverAFreeOrder() {
		PriceList capped = new PriceList(UUID.randomUUID(), "EUR", 500, List.of(), null, null, 2000L, false, false, 0);
		Quote guest = Pricing.quote(capped, 10, Resolution.ORIGINAL, null, 0, null);
		assertThat(guest.amount()).as("the cap bounds one cart").isEqualTo(2000);
		assertThat(guest.capApplied()).isTrue();
		assertThat(guest.earlierOrdersCounted()).isFalse();
		assertThat(guest.runnerCap()).isEqualTo(2000);
		Quote signedIn = Pricing.quote(capped, 10, Resolution.ORIGINAL, null, 0, 2000L);
		assertThat(signedIn.earlierOrdersCounted()).isTrue();
	}

	@Test
	void webResolutionAndFreeEvents() {
		Quote web = Pricing.quote(PRICES, 4, Resolution.WEB, null, 0, 0L);
		assertThat(web.amount()).isEqualTo(1200);
		assertThat(web.resolution()).isEqualTo(Resolution.WEB);
		PriceList free = new PriceList(UUID.randomUUID(), "EUR", 0, List.of(), null, null, null, true, true, 0);
		Quote gift = Pricing.quote(free, 4, Resolution.ORIGINAL, null, 0, 0L);
		assertThat(gift.amount()).isZero();
		assertThat(gift.resolution()).isEqualTo(Resolution.FRAMED);
	}

	@Test
	void amountsAreReadWithoutFloatingPointAndBadOnesAreRefused() {
		assertThat(Money.parse("4,90")).isEqualTo(490);
		assertThat(Money.parse("12")).isEqualTo(1200);
		assertThat(Money.parse(" 0.1 € ")).isEqualTo(10);
		assertThat(Money.parse("")).isNull();
		assertThatThrownBy(() -> Money.parse("4.999")).isInstanceOf(UserMistakeException.class);
		assertThatThrownBy(() -> Money.parse("-3")).isInstanceOf(UserMistakeException.class);
		assertThatThrownBy(() -> Money.parse("abc")).isInstanceOf(UserMistakeException.class);
		assertThat(Money.format(1234, "EUR", java.util.Locale.FRENCH)).isEqualTo("12,34 €");
		assertThat(Money.format(1234, "EUR", java.util.Locale.ENGLISH)).isEqualTo("€12.34");
	}

}
