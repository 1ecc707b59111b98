package com.focusracer.recognition;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.photos.Photos;
import com.focusracer.recognition.internal.AwsRekognition;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS Rekognition provider against WireMock, fed with the request and response shapes
 * of AWS's documentation (JSON 1.1 protocol, {@code X-Amz-Target} header): the real AWS
 * SDK client signs and sends the calls.
 */
class AwsRekognitionTests {

	private static final String JSON = "application/x-amz-json-1.1";

	private WireMockServer aws;

	private AwsRekognition rekognition;

	@BeforeEach
	void start() {
		this.aws = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.aws.start();
		this.rekognition = new AwsRekognition(new RekognitionProperties("eu-west-1",
				URI.create("http://localhost:" + this.aws.port()), "AKIDEXAMPLE", "secret", "focusracer-", 90f));
	}

	@AfterEach
	void stop() {
		this.rekognition.close();
		this.aws.stop();
	}

	private void stub(String operation, int status, String body) {
		this.aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService." + operation))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body)));
	}

	@Test
	void readsBibsFromDetectTextWithTheSameRulesAsTheLocalModels() {
		// DetectText's documented response: LINE and WORD detections, boxes as ratios.
		stub("DetectText", 200,
				"""
						{"TextDetections": [
						  {"Confidence": 99.21, "DetectedText": "MARATHON 1975", "Id": 0, "Type": "LINE",
						   "Geometry": {"BoundingBox": {"Height": 0.05, "Left": 0.1, "Top": 0.1, "Width": 0.5}, "Polygon": []}},
						  {"Confidence": 99.5, "DetectedText": "MARATHON", "Id": 1, "ParentId": 0, "Type": "WORD",
						   "Geometry": {"BoundingBox": {"Height": 0.05, "Left": 0.1, "Top": 0.1, "Width": 0.3}, "Polygon": []}},
						  {"Confidence": 98.7, "DetectedText": "2468", "Id": 2, "ParentId": 3, "Type": "WORD",
						   "Geometry": {"BoundingBox": {"Height": 0.1, "Left": 0.4, "Top": 0.5, "Width": 0.2}, "Polygon": []}},
						  {"Confidence": 97.1, "DetectedText": "2026", "Id": 4, "ParentId": 5, "Type": "WORD",
						   "Geometry": {"BoundingBox": {"Height": 0.02, "Left": 0.45, "Top": 0.62, "Width": 0.05}, "Polygon": []}}
						], "TextModelVersion": "3.0"}""");
		BufferedImage photo = Photos.aRunner(1000, 800, "2468", Color.BLUE, 1);

		List<BibRead> reads = new BibReader(this.rekognition, BibReader.Settings.DEFAULTS).read(photo);

		assertThat(reads).extracting(BibRead::bib).as("2026 is a small print next to the bib").containsExactly("2468");
		assertThat(reads.get(0).box()).isEqualTo(new BibRead.Box(400, 400, 200, 80));
		assertThat(reads.get(0).confidence()).isCloseTo(0.987, org.assertj.core.api.Assertions.within(0.001));
		this.aws.verify(
				postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.DetectText"))
					.withHeader("Authorization", containing("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
					.withRequestBody(matchingJsonPath("$.Image.Bytes")));
	}

	@Test
	void indexesFacesInTheEventsCollectionCreatingItOnFirstUse() {
		UUID event = UUID.randomUUID();
		UUID photo = UUID.randomUUID();
		this.aws.stubFor(post(urlEqualTo("/")).inScenario("collection")
			.whenScenarioStateIs(Scenario.STARTED)
			.withHeader("X-Amz-Target", equalTo("RekognitionService.IndexFaces"))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", JSON)
				.withBody("{\"__type\": \"ResourceNotFoundException\", \"Message\": \"The collection id: focusracer-"
						+ event + " does not exist\"}"))
			.willSetStateTo("missing"));
		this.aws.stubFor(post(urlEqualTo("/")).inScenario("collection")
			.whenScenarioStateIs("missing")
			.withHeader("X-Amz-Target", equalTo("RekognitionService.CreateCollection"))
			.willReturn(aResponse().withHeader("Content-Type", JSON)
				.withBody("{\"CollectionArn\": \"aws:rekognition:eu-west-1:123456789012:collection/focusracer-" + event
						+ "\", \"FaceModelVersion\": \"6.0\", \"StatusCode\": 200}"))
			.willSetStateTo("created"));
		this.aws.stubFor(post(urlEqualTo("/")).inScenario("collection")
			.whenScenarioStateIs("created")
			.withHeader("X-Amz-Target", equalTo("RekognitionService.IndexFaces"))
			.willReturn(aResponse().withHeader("Content-Type", JSON).withBody("""
					{"FaceModelVersion": "6.0", "UnindexedFaces": [], "FaceRecords": [{
					  "Face": {"BoundingBox": {"Height": 0.33, "Left": 0.31, "Top": 0.26, "Width": 0.22},
					           "Confidence": 99.9, "ExternalImageId": "%s",
					           "FaceId": "ff43d742-0c13-5d16-a3e8-03d3f58e980b",
					           "ImageId": "465f4e93-763e-51d0-b030-b9667a2d94b1"},
					  "FaceDetail": {"BoundingBox": {"Height": 0.33, "Left": 0.31, "Top": 0.26, "Width": 0.22},
					                 "Confidence": 99.9, "Quality": {"Brightness": 54.9, "Sharpness": 84.2}}}]}
					""".formatted(photo))));

		List<AwsRekognition.IndexedFace> faces = this.rekognition.indexFaces(event, photo,
				Photos.aRunner(600, 400, "1", Color.RED, 2));

		assertThat(faces).singleElement().satisfies((face) -> {
			assertThat(face.faceId()).isEqualTo("ff43d742-0c13-5d16-a3e8-03d3f58e980b");
			assertThat(face.box()).containsExactly(new double[] { 0.31, 0.26, 0.22, 0.33 },
					org.assertj.core.api.Assertions.within(1e-6));
			assertThat(face.sharpness()).isEqualTo(0.842, org.assertj.core.api.Assertions.within(1e-6));
		});
		this.aws.verify(postRequestedFor(urlEqualTo("/"))
			.withHeader("X-Amz-Target", equalTo("RekognitionService.CreateCollection"))
			.withRequestBody(WireMock.equalToJson("{\"CollectionId\": \"focusracer-" + event + "\"}")));
		this.aws.verify(2,
				postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.IndexFaces"))
					.withRequestBody(matchingJsonPath("$.ExternalImageId", equalTo(photo.toString()))));
	}

	@Test
	void searchesFacesAndDeletesTheCollectionWithTheEventsFaceData() {
		UUID event = UUID.randomUUID();
		stub("SearchFaces", 200,
				"""
						{"FaceModelVersion": "6.0", "SearchedFaceId": "ff43d742-0c13-5d16-a3e8-03d3f58e980b",
						 "FaceMatches": [{"Similarity": 99.97, "Face": {
						   "BoundingBox": {"Height": 0.2, "Left": 0.1, "Top": 0.1, "Width": 0.1}, "Confidence": 99.9,
						   "FaceId": "38271d79-7bc2-5efb-b752-398a8d575b85", "ImageId": "d5631190-d039-54e4-b267-abd22c8647c5"}}]}""");
		stub("DeleteCollection", 200, "{\"StatusCode\": 200}");
		stub("DeleteFaces", 200, "{\"DeletedFaces\": [\"38271d79-7bc2-5efb-b752-398a8d575b85\"]}");

		assertThat(this.rekognition.searchFaces(event, "ff43d742-0c13-5d16-a3e8-03d3f58e980b")).singleElement()
			.satisfies((match) -> {
				assertThat(match.faceId()).isEqualTo("38271d79-7bc2-5efb-b752-398a8d575b85");
				assertThat(match.similarity()).isCloseTo(0.9997, org.assertj.core.api.Assertions.within(1e-6));
			});
		this.aws.verify(
				postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.SearchFaces"))
					.withRequestBody(matchingJsonPath("$.FaceMatchThreshold", equalTo("90.0"))));
		this.rekognition.removeFaces(event, List.of("38271d79-7bc2-5efb-b752-398a8d575b85"));
		this.aws.verify(
				postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.DeleteFaces"))
					.withRequestBody(WireMock.equalToJson("{\"CollectionId\": \"focusracer-" + event
							+ "\", \"FaceIds\": [\"38271d79-7bc2-5efb-b752-398a8d575b85\"]}")));
		assertThat(this.rekognition.deleteCollection(event)).isTrue();
		this.aws.verify(postRequestedFor(urlEqualTo("/"))
			.withHeader("X-Amz-Target", equalTo("RekognitionService.DeleteCollection"))
			.withRequestBody(WireMock.equalToJson("{\"CollectionId\": \"focusracer-" + event + "\"}")));
	}

}
