package com.focusracer.recognition;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Recognition settings. The thresholds' defaults were chosen on the dev set; the
 * measurements are in {@code docs/recognition.md}.
 *
 * @param enabled whether the pipeline reads bibs and faces at all
 * @param threads ONNX Runtime threads per model call (photos run in parallel on the
 * pipeline's workers, one thread each is fastest)
 * @param detectorShortSide the photo's short side in the full pass of the text detector
 * (photos with distant runners): 1,536 keeps bibs 2 % of the photo's short side at 31 px,
 * where the detector finds nine in ten; smaller is faster and misses distant bibs
 * (figures in {@code docs/recognition.md})
 * @param burstWindow photos of one photographer this close in time form a burst
 * @param burstSimilarity how alike (colour signature intersection) two photos of a burst
 * must be to share their runners
 * @param faceSimilarity cosine similarity above which two faces are taken for the same
 * runner
 * @param faceModels the folder holding the face models ({@code fr_detect.onnx},
 * {@code fr_landmark.onnx}, {@code fr_feature.onnx}); when they are missing, face
 * features are unavailable
 * @param provider {@code local} (ONNX models) or {@code aws} (Rekognition)
 * @param bibsBelowFaces whether distant runners' bibs are looked for below their faces
 * (when the face models are there) rather than in a full pass over the photo: as many
 * bibs found, in less time (figures in {@code docs/recognition.md})
 */
@ConfigurationProperties("focusracer.recognition")
public record RecognitionProperties(Boolean enabled, Integer threads, Integer detectorShortSide, Duration burstWindow,
		Double burstSimilarity, Double faceSimilarity, Path faceModels, String provider, Boolean bibsBelowFaces) {

	public RecognitionProperties {
		enabled = (enabled != null) ? enabled : true;
		threads = (threads != null) ? threads : 1;
		detectorShortSide = (detectorShortSide != null) ? detectorShortSide
				: BibReader.Settings.DEFAULTS.detectorShortSide();
		burstWindow = (burstWindow != null) ? burstWindow : Duration.ofSeconds(4);
		burstSimilarity = (burstSimilarity != null) ? burstSimilarity : 0.90;
		faceSimilarity = (faceSimilarity != null) ? faceSimilarity : 0.55;
		// null: the models the build put in the application (face-models/).
		provider = (provider != null) ? provider : "local";
		bibsBelowFaces = (bibsBelowFaces != null) ? bibsBelowFaces : BibReader.Settings.DEFAULTS.finder().belowFaces();
	}

}
