package com.focusracer.photos;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible bucket used when {@code focusracer.photos.storage=s3} (AWS S3,
 * Cloudflare R2, MinIO…).
 *
 * @param endpoint the endpoint for non-AWS stores, e.g.
 * {@code https://<account>.r2.cloudflarestorage.com}; empty for AWS
 * @param region the region, e.g. {@code eu-west-3} ({@code auto} for R2)
 * @param bucket the bucket, which must exist
 * @param pathStyle whether to address the bucket in the path (MinIO, S3Mock) rather than
 * the host name
 * @param accessKey the access key; empty to use the default AWS credential chain
 * @param secretKey the secret key
 */
@ConfigurationProperties("focusracer.photos.s3")
public record S3Properties(URI endpoint, String region, String bucket, boolean pathStyle, String accessKey,
		String secretKey) {

	public S3Properties {
		region = (region != null) ? region : "eu-west-3";
	}

}
