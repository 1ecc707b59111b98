package com.focusracer.photos;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Photo storage and pipeline settings.
 *
 * @param storage where files are kept: {@code filesystem} (default) or {@code s3}
 * @param storageDirectory the folder of the filesystem store
 * @param maxFileBytes the largest original accepted
 * @param maxPixels the most pixels an original may have
 * @param maxSide the longest side an original may have, in pixels
 * @param webSize the long side of the web version
 * @param previewSize the long side of the preview
 * @param nativeJpeg whether JPEGs are decoded with the system's libjpeg-turbo where it is
 * installed ({@code false}: always ImageIO, slower); the system property of the same name
 * also sets the evaluation tools' decoder
 * @param analysisCache the analysis images a node keeps
 * @param uploads the browser uploads in progress
 */
@ConfigurationProperties("focusracer.photos")
public record PhotosProperties(String storage, Path storageDirectory, Long maxFileBytes, Long maxPixels,
		Integer maxSide, Integer webSize, Integer previewSize, Boolean nativeJpeg, AnalysisCache analysisCache,
		Uploads uploads) {

	public PhotosProperties {
		storage = (storage != null) ? storage : "filesystem";
		storageDirectory = (storageDirectory != null) ? storageDirectory : Path.of("data", "blobs");
		maxFileBytes = (maxFileBytes != null) ? maxFileBytes : 60L * 1000 * 1000;
		maxPixels = (maxPixels != null) ? maxPixels : 100L * 1000 * 1000;
		maxSide = (maxSide != null) ? maxSide : 30_000;
		webSize = (webSize != null) ? webSize : 1600;
		previewSize = (previewSize != null) ? previewSize : 480;
		nativeJpeg = (nativeJpeg != null) ? nativeJpeg : true;
		analysisCache = (analysisCache != null) ? analysisCache : new AnalysisCache(null, null);
		uploads = (uploads != null) ? uploads : new Uploads(null);
	}

	/**
	 * How many analysis images a node keeps in memory between {@code derive} and the
	 * recognition stages (another node, or this one after an eviction, makes the image
	 * again from the original).
	 *
	 * @param maxSize the most memory they may take (a 24 MP photo's image takes 24 MB)
	 * @param expiry how long one is kept after it was made
	 */
	public record AnalysisCache(DataSize maxSize, Duration expiry) {

		public AnalysisCache {
			maxSize = (maxSize != null) ? maxSize : DataSize.ofMegabytes(300);
			expiry = (expiry != null) ? expiry : Duration.ofMinutes(10);
		}

	}

	/**
	 * Browser uploads in progress.
	 *
	 * @param abandonAfter how long an upload may go without a chunk before it is
	 * forgotten and its bytes deleted by the daily retention sweep (the page then starts
	 * it again from zero)
	 */
	public record Uploads(Duration abandonAfter) {

		public Uploads {
			abandonAfter = (abandonAfter != null) ? abandonAfter : Duration.ofHours(24);
		}

	}

}
