package com.focusracer.recognition.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.RekognitionClientBuilder;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.FaceMatch;
import software.amazon.awssdk.services.rekognition.model.FaceRecord;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.ResourceNotFoundException;
import software.amazon.awssdk.services.rekognition.model.TextDetection;
import software.amazon.awssdk.services.rekognition.model.TextTypes;

import com.focusracer.recognition.RekognitionProperties;

/**
 * The AWS Rekognition provider, behind the same seams as the local models:
 * {@code DetectText} is a {@link TextSource} (the bib rules then apply unchanged), and
 * faces go to one collection per event ({@code IndexFaces}, {@code SearchFaces},
 * {@code SearchFacesByImage}), deleted with the event's face data.
 */
public class AwsRekognition implements TextSource, AutoCloseable {

	private final RekognitionClient client;

	private final RekognitionProperties properties;

	/**
	 * A face Rekognition indexed.
	 *
	 * @param faceId Rekognition's id of the face
	 * @param box x, y, width, height as fractions of the photo
	 * @param confidence detection confidence 0–1
	 * @param sharpness Rekognition's sharpness 0–1
	 */
	public record IndexedFace(String faceId, double[] box, double confidence, double sharpness) {
	}

	/**
	 * A face of the collection like the one searched.
	 *
	 * @param faceId the face found
	 * @param similarity 0–1
	 */
	public record Match(String faceId, double similarity) {
	}

	public AwsRekognition(RekognitionProperties properties) {
		this.properties = properties;
		RekognitionClientBuilder builder = RekognitionClient.builder().region(Region.of(properties.region()));
		if (properties.endpoint() != null) {
			builder.endpointOverride(properties.endpoint());
		}
		if (properties.accessKey() != null && properties.secretKey() != null) {
			builder.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		this.client = builder.build();
	}

	@Override
	public List<OcrModels.TextLine> read(BufferedImage image) {
		List<OcrModels.TextLine> lines = new ArrayList<>();
		for (TextDetection detection : this.client.detectText((r) -> r.image(image(image))).textDetections()) {
			if (detection.type() != TextTypes.WORD) {
				continue;
			}
			BoundingBox b = detection.geometry().boundingBox();
			int x = (int) Math.round(b.left() * image.getWidth());
			int y = (int) Math.round(b.top() * image.getHeight());
			int w = (int) Math.round(b.width() * image.getWidth());
			int h = (int) Math.round(b.height() * image.getHeight());
			float confidence = detection.confidence() / 100f;
			float[] characters = new float[detection.detectedText().length()];
			Arrays.fill(characters, confidence);
			lines.add(new OcrModels.TextLine(detection.detectedText(), confidence, characters, new int[] { x, y, w, h },
					h));
		}
		return lines;
	}

	/**
	 * Indexes the faces of a photo in its event's collection (created on first use).
	 * @param eventId the event
	 * @param photoId the photo (Rekognition's external image id)
	 * @param image the photo
	 * @return the faces indexed
	 */
	public List<IndexedFace> indexFaces(UUID eventId, UUID photoId, BufferedImage image) {
		String collection = collection(eventId);
		Image bytes = image(image);
		List<FaceRecord> records;
		try {
			records = index(collection, photoId, bytes);
		}
		catch (ResourceNotFoundException ex) {
			this.client.createCollection((r) -> r.collectionId(collection));
			records = index(collection, photoId, bytes);
		}
		List<IndexedFace> faces = new ArrayList<>();
		for (FaceRecord record : records) {
			BoundingBox b = record.face().boundingBox();
			double sharpness = (record.faceDetail() != null && record.faceDetail().quality() != null)
					? record.faceDetail().quality().sharpness() / 100.0 : 1.0;
			faces.add(new IndexedFace(record.face().faceId(), new double[] { b.left(), b.top(), b.width(), b.height() },
					record.face().confidence() / 100.0, sharpness));
		}
		return faces;
	}

	private List<FaceRecord> index(String collection, UUID photoId, Image image) {
		return this.client
			.indexFaces((r) -> r.collectionId(collection).image(image).externalImageId(photoId.toString()).maxFaces(20))
			.faceRecords();
	}

	/**
	 * The faces of the event's collection like one of its faces.
	 * @param eventId the event
	 * @param faceId the face
	 * @return the matches above the configured threshold
	 */
	public List<Match> searchFaces(UUID eventId, String faceId) {
		return matches(() -> this.client
			.searchFaces((r) -> r.collectionId(collection(eventId))
				.faceId(faceId)
				.faceMatchThreshold(this.properties.faceMatchThreshold())
				.maxFaces(50))
			.faceMatches());
	}

	/**
	 * The faces of the event's collection like the face of a picture (a selfie).
	 * @param eventId the event
	 * @param image the picture
	 * @return the matches above the configured threshold
	 */
	public List<Match> searchFacesByImage(UUID eventId, BufferedImage image) {
		return matches(() -> this.client
			.searchFacesByImage((r) -> r.collectionId(collection(eventId))
				.image(image(image))
				.faceMatchThreshold(this.properties.faceMatchThreshold())
				.maxFaces(100))
			.faceMatches());
	}

	/** A search's matches; none when the event has no collection yet. */
	private static List<Match> matches(java.util.function.Supplier<List<FaceMatch>> search) {
		try {
			return search.get().stream().map(AwsRekognition::match).toList();
		}
		catch (ResourceNotFoundException ex) {
			return List.of();
		}
	}

	/**
	 * Removes faces from the event's collection (a photo re-processed or deleted).
	 * @param eventId the event
	 * @param faceIds Rekognition's ids of the faces
	 */
	public void removeFaces(UUID eventId, List<String> faceIds) {
		if (faceIds.isEmpty()) {
			return;
		}
		try {
			this.client.deleteFaces((r) -> r.collectionId(collection(eventId)).faceIds(faceIds));
		}
		catch (ResourceNotFoundException ex) {
			// No collection: nothing to remove.
		}
	}

	/**
	 * Deletes the event's face collection (its face data at AWS).
	 * @param eventId the event
	 * @return whether there was one
	 */
	public boolean deleteCollection(UUID eventId) {
		try {
			this.client.deleteCollection((r) -> r.collectionId(collection(eventId)));
			return true;
		}
		catch (ResourceNotFoundException ex) {
			return false;
		}
	}

	private static Match match(FaceMatch match) {
		return new Match(match.face().faceId(), match.similarity() / 100.0);
	}

	private String collection(UUID eventId) {
		return this.properties.collectionPrefix() + eventId;
	}

	private static Image image(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Image.builder().bytes(SdkBytes.fromByteArray(out.toByteArray())).build();
	}

	@Override
	public void close() {
		this.client.close();
	}

}
