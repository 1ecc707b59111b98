package com.focusracer.recognition.internal;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Where the text lines of a photo come from: the local PP-OCRv4 models, or AWS
 * Rekognition {@code DetectText}. The bib rules are the same for both.
 */
@FunctionalInterface
public interface TextSource {

	/**
	 * Finds and reads the text of an upright photo.
	 * @param image the photo
	 * @return the lines, boxes in the photo's pixels
	 * @throws Exception when the models or the service fail
	 */
	List<OcrModels.TextLine> read(BufferedImage image) throws Exception;

}
