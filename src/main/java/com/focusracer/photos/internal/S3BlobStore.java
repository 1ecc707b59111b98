package com.focusracer.photos.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import com.focusracer.photos.BlobStore;
import com.focusracer.photos.S3Properties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Blobs in an S3-compatible bucket. Uploads carry their SHA-256, which the store checks
 * before it keeps the object: a blob is stored whole and intact, or not at all.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	public S3BlobStore(S3Properties properties) {
		if (properties.bucket() == null || properties.bucket().isBlank()) {
			throw new IllegalStateException("Set focusracer.photos.s3.bucket to the bucket that keeps the photos");
		}
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(properties.region()))
			.forcePathStyle(properties.pathStyle());
		if (properties.endpoint() != null) {
			builder.endpointOverride(properties.endpoint());
		}
		if (properties.accessKey() != null && !properties.accessKey().isBlank()) {
			builder.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		this.s3 = builder.build();
		this.bucket = properties.bucket();
	}

	@Override
	public void put(String key, Path source, String sha256) throws IOException {
		try {
			this.s3.putObject(
					(request) -> request.bucket(this.bucket)
						.key(key)
						.checksumAlgorithm(ChecksumAlgorithm.SHA256)
						.checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))),
					RequestBody.fromFile(source));
		}
		catch (SdkException ex) {
			throw new IOException("Could not store " + key + " in bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void put(String key, byte[] bytes) throws IOException {
		try {
			this.s3.putObject(
					(request) -> request.bucket(this.bucket).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256),
					RequestBody.fromBytes(bytes));
		}
		catch (SdkException ex) {
			throw new IOException("Could not store " + key + " in bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return this.s3.getObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (NoSuchKeyException ex) {
			throw new java.nio.file.NoSuchFileException(key);
		}
		catch (SdkException ex) {
			throw new IOException("Could not read " + key + " from bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean exists(String key) throws IOException {
		try {
			this.s3.headObject((request) -> request.bucket(this.bucket).key(key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (SdkException ex) {
			throw new IOException("Could not look for " + key + " in bucket " + this.bucket + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete " + key + " from bucket " + this.bucket + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public void close() {
		this.s3.close();
	}

}
