package com.focusracer.shop;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invoice's arithmetic: the VAT a price includes, and the cart's pricing read back
 * into lines that share out the order's photos.
 */
class InvoicesTests {

	@Test
	void theVatIncludedIsRoundedHalfUpAndTheAmountBeforeVatMakesUpTheRest() {
		assertThat(Money.vatIncluded(1200, 20)).isEqualTo(200);
		// 5 € at 20 %: 0.8333… → 0.83, so 4.17 before VAT.
		assertThat(Money.vatIncluded(500, 20)).isEqualTo(83);
		// 0.30 € at 20 %: 0.05 exactly, half up.
		assertThat(Money.vatIncluded(30, 20)).isEqualTo(5);
		// 1.05 € at 5 %: 0.05.
		assertThat(Money.vatIncluded(105, 5)).isEqualTo(5);
		assertThat(Money.vatIncluded(2500, 0)).isZero();
		// A reduction (negative) rounds away from zero, like its positive counterpart.
		assertThat(Money.vatIncluded(-500, 20)).isEqualTo(-83);
		IntStream.rangeClosed(1, 5000).forEach((gross) -> {
			long vat = Money.vatIncluded(gross, 20);
			assertThat(Math.abs(vat * 120 - gross * 20L)).as("within half a cent for %d", gross)
				.isLessThanOrEqualTo(60);
		});
	}

	@Test
	void aPackIsOneLineCoveringItsPhotosAndSinglePhotosTakeTheRest() {
		List<UUID> photos = photos(5);
		List<Invoices.Line> lines = Invoices.lines("PACK:1x3@1200,SINGLE:2x1@500", 2200, photos);
		assertThat(lines).containsExactly(
				new Invoices.Line(Invoices.LineKind.PACK, 1, 3, 1200, 1200, photos.subList(0, 3)),
				new Invoices.Line(Invoices.LineKind.SINGLE, 2, 1, 500, 1000, photos.subList(3, 5)));
	}

	@Test
	void aPackUsedForFewerPhotosThanItsSizeCoversWhatIsLeft() {
		List<UUID> photos = photos(5);
		List<Invoices.Line> lines = Invoices.lines("PACK:2x3@1200", 2400, photos);
		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line.quantity()).isEqualTo(2);
			assertThat(line.photoIds()).isEqualTo(photos);
		});
	}

	@Test
	void allMyPhotosIsOneLineAndWhatTheCapTookOffIsALineOfItsOwn() {
		List<UUID> photos = photos(7);
		assertThat(Invoices.lines("ALL_PHOTOS:1x7@2000", 2000, photos)).singleElement()
			.isEqualTo(new Invoices.Line(Invoices.LineKind.ALL_PHOTOS, 1, 7, 2000, 2000, photos));

		List<Invoices.Line> capped = Invoices.lines("SINGLE:3x1@500,CAP", 1000, photos.subList(0, 3));
		assertThat(capped).hasSize(2);
		assertThat(capped.get(1)).isEqualTo(new Invoices.Line(Invoices.LineKind.CAP, 1, 0, -500, -500, List.of()));
		assertThat(capped.stream().mapToLong(Invoices.Line::amount).sum()).as("the lines add up to what was paid")
			.isEqualTo(1000);
	}

	private static List<UUID> photos(int count) {
		return IntStream.range(0, count).mapToObj((i) -> UUID.randomUUID()).toList();
	}

}
