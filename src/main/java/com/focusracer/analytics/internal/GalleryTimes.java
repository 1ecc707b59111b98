package com.focusracer.analytics.internal;

import java.time.Duration;
import java.util.Map;

/**
 * Upload-to-gallery times kept as a histogram of logarithmic buckets (four per doubling,
 * so a percentile read from it is within 19 % of the true one): a year of them is a few
 * hundred rows, whatever the number of photos.
 */
public final class GalleryTimes {

	private GalleryTimes() {
	}

	public static int bucket(long seconds) {
		return (int) Math.floor(4 * Math.log1p(Math.max(0, seconds)) / Math.log(2));
	}

	/**
	 * The upper bound of a bucket.
	 * @param bucket the bucket
	 * @return the longest time it holds
	 */
	static long upperSeconds(int bucket) {
		return Math.max(0, (long) Math.ceil(Math.pow(2, (bucket + 1) / 4.0) - 1));
	}

	/**
	 * A percentile of a histogram, as the upper bound of the bucket it falls in.
	 * @param buckets count by bucket
	 * @param percentile between 0 and 100
	 * @return the time, or {@code null} without any
	 */
	public static Duration percentile(Map<Integer, Long> buckets, double percentile) {
		long total = buckets.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return null;
		}
		long rank = (long) Math.ceil(total * percentile / 100.0);
		long seen = 0;
		for (Map.Entry<Integer, Long> entry : new java.util.TreeMap<>(buckets).entrySet()) {
			seen += entry.getValue();
			if (seen >= Math.max(1, rank)) {
				return Duration.ofSeconds(upperSeconds(entry.getKey()));
			}
		}
		return null;
	}

}
