package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.focusracer.photos.PhotoDeleted;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisImageCacheTests {

	private static final long IMAGE_BYTES = 4L * 300 * 200;

	@Test
	void makesAnImageOnlyWhenItDoesNotHoldIt() throws Exception {
		AnalysisImageCache cache = new AnalysisImageCache(10 * IMAGE_BYTES, Duration.ofMinutes(10));
		UUID photo = UUID.randomUUID();
		BufferedImage derived = anImage();
		cache.put(photo, derived);
		AtomicInteger made = new AtomicInteger();
		assertThat(cache.get(photo, () -> {
			made.incrementAndGet();
			return anImage();
		})).isSameAs(derived);
		assertThat(made).hasValue(0);

		cache.invalidate(photo);
		BufferedImage remade = cache.get(photo, () -> {
			made.incrementAndGet();
			return anImage();
		});
		assertThat(made).hasValue(1);
		assertThat(cache.get(photo, () -> anImage())).as("kept once made again").isSameAs(remade);
	}

	@Test
	void countsTheImagesItHadToMakeAgain() throws Exception {
		io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
		AnalysisImageCache cache = new AnalysisImageCache(10 * IMAGE_BYTES, Duration.ofMinutes(10), meters);
		UUID kept = UUID.randomUUID();
		cache.put(kept, anImage());
		cache.get(kept, () -> anImage());
		cache.get(UUID.randomUUID(), () -> anImage());
		assertThat(meters.counter("focusracer.photos.analysis-cache.misses").count()).isEqualTo(1);
	}

	@Test
	void holdsNoMoreThanItsMemoryAllows() {
		AnalysisImageCache cache = new AnalysisImageCache(3 * IMAGE_BYTES, Duration.ofMinutes(10));
		for (int i = 0; i < 10; i++) {
			cache.put(UUID.randomUUID(), anImage());
		}
		assertThat(cache.bytes()).isLessThanOrEqualTo(3 * IMAGE_BYTES).isPositive();
	}

	@Test
	void keepsTheImageMadeLastWhenFull() throws Exception {
		// The pipeline's pattern: each image is made once, read by the stages that
		// follow,
		// then never again. The newest must be kept, however often the older ones were
		// read (a frequency-based admission keeps those and drops the newcomer).
		AnalysisImageCache cache = new AnalysisImageCache(3 * IMAGE_BYTES, Duration.ofMinutes(10));
		List<UUID> photos = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			UUID photo = UUID.randomUUID();
			photos.add(photo);
			cache.put(photo, anImage());
			assertThat(cache.holds(photo)).as("image %d just made", i).isTrue();
			cache.get(photo, () -> anImage());
			cache.get(photo, () -> anImage());
		}
		assertThat(cache.holds(photos.get(0))).as("the oldest").isFalse();
	}

	@Test
	void forgetsADeletedPhoto() {
		AnalysisImageCache cache = new AnalysisImageCache(10 * IMAGE_BYTES, Duration.ofMinutes(10));
		UUID photo = UUID.randomUUID();
		cache.put(photo, anImage());
		cache.on(new PhotoDeleted(UUID.randomUUID(), photo));
		assertThat(cache.holds(photo)).isFalse();
	}

	@Test
	void forgetsAnImageAfterItsExpiry() throws Exception {
		AnalysisImageCache cache = new AnalysisImageCache(10 * IMAGE_BYTES, Duration.ofMillis(50));
		UUID photo = UUID.randomUUID();
		cache.put(photo, anImage());
		Thread.sleep(120);
		assertThat(cache.holds(photo)).isFalse();
	}

	private static BufferedImage anImage() {
		return new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
	}

}
