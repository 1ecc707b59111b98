package com.focusracer.recognition;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * AWS Rekognition, used when {@code focusracer.recognition.provider=aws}.
 *
 * @param region the AWS region (e.g. {@code eu-west-1})
 * @param endpoint another endpoint than AWS's (tests, VPC endpoints), may be null
 * @param accessKey an access key, or null for the default AWS credentials chain
 * @param secretKey its secret
 * @param collectionPrefix face collections are named prefix + event id
 * @param faceMatchThreshold the similarity (0–100) above which Rekognition reports a face
 * as the same person
 */
@ConfigurationProperties("focusracer.recognition.aws")
public record RekognitionProperties(String region, URI endpoint, String accessKey, String secretKey,
		String collectionPrefix, Float faceMatchThreshold) {

	public RekognitionProperties {
		region = (region != null) ? region : "eu-west-1";
		collectionPrefix = (collectionPrefix != null) ? collectionPrefix : "focusracer-";
		faceMatchThreshold = (faceMatchThreshold != null) ? faceMatchThreshold : 90f;
	}

}
