package com.focusracer.timing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing sync settings ({@code focusracer.timing.*}).
 *
 * @param window half-width of the window around a photo's corrected time in which a
 * runner's passage makes them a candidate, at a timing point (10 s)
 * @param uncertaintyShare how much the window widens between timing points: this share of
 * the time from the nearer point (0.03)
 * @param anchorConfidence the OCR confidence from which a read photo is an anchor of its
 * camera's clock offset (0.9)
 * @param maximumUpload the largest timing file accepted, bytes (20 MB)
 * @param zone the zone of timing times and EXIF times without one (Europe/Paris)
 */
@ConfigurationProperties("focusracer.timing")
public record TimingProperties(Duration window, Double uncertaintyShare, Double anchorConfidence, Long maximumUpload,
		String zone) {

	public TimingProperties {
		window = (window != null) ? window : Duration.ofSeconds(10);
		uncertaintyShare = (uncertaintyShare != null) ? uncertaintyShare : 0.03;
		anchorConfidence = (anchorConfidence != null) ? anchorConfidence : 0.9;
		maximumUpload = (maximumUpload != null) ? maximumUpload : 20L * 1024 * 1024;
		zone = (zone != null) ? zone : "Europe/Paris";
	}

}
