package com.focusracer.photos.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

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
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Blobs in an S3-compatible bucket. Uploads carry their SHA-256, which the store checks
 * before it keeps the object: a blob is stored whole and intact, or not at all. A blob
 * written in parts is a multipart upload, each part checked against its own SHA-256.
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
	public void deleteUnder(String prefix) throws IOException {
		if (!prefix.endsWith("/") || prefix.length() < 2) {
			throw new IllegalArgumentException("Invalid blob prefix: " + prefix);
		}
		try {
			for (ListObjectsV2Response page : this.s3
				.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(prefix))) {
				List<ObjectIdentifier> keys = page.contents()
					.stream()
					.map((object) -> ObjectIdentifier.builder().key(object.key()).build())
					.toList();
				if (!keys.isEmpty()) {
					DeleteObjectsResponse response = this.s3.deleteObjects((request) -> request.bucket(this.bucket)
						.delete((delete) -> delete.objects(keys).quiet(true)));
					if (response.hasErrors() && !response.errors().isEmpty()) {
						throw new IOException("Could not delete " + response.errors().get(0).key() + " from bucket "
								+ this.bucket + ": " + response.errors().get(0).message());
					}
				}
			}
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete " + prefix + " from bucket " + this.bucket + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Parts are the parts of an S3 multipart upload, each checked against its SHA-256.
	 */
	@Override
	public String beginParts(String key) throws IOException {
		try {
			return this.s3
				.createMultipartUpload(
						(request) -> request.bucket(this.bucket).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256))
				.uploadId();
		}
		catch (SdkException ex) {
			throw new IOException(
					"Could not start parts of " + key + " in bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String putPart(String key, String partsId, int number, Path source, String sha256) throws IOException {
		String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256));
		try {
			String etag = this.s3
				.uploadPart((request) -> request.bucket(this.bucket)
					.key(key)
					.uploadId(partsId)
					.partNumber(number)
					.checksumAlgorithm(ChecksumAlgorithm.SHA256)
					.checksumSHA256(checksum), RequestBody.fromFile(source))
				.eTag();
			return number + ":" + checksum + ":" + etag;
		}
		catch (SdkException ex) {
			throw new IOException("Could not store part " + number + " of " + key + " in bucket " + this.bucket + ": "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public void completeParts(String key, String partsId, List<String> receipts) throws IOException {
		List<CompletedPart> parts = receipts.stream().map((receipt) -> {
			String[] fields = receipt.split(":", 3);
			return CompletedPart.builder()
				.partNumber(Integer.parseInt(fields[0]))
				.checksumSHA256(fields[1])
				.eTag(fields[2])
				.build();
		}).toList();
		try {
			this.s3.completeMultipartUpload((request) -> request.bucket(this.bucket)
				.key(key)
				.uploadId(partsId)
				.multipartUpload((upload) -> upload.parts(parts)));
		}
		catch (NoSuchUploadException ex) {
			if (!exists(key)) {
				throw new IOException("The parts of " + key + " were aborted", ex);
			}
		}
		catch (SdkException ex) {
			throw new IOException(
					"Could not join the parts of " + key + " in bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void abortParts(String key, String partsId) throws IOException {
		try {
			this.s3.abortMultipartUpload((request) -> request.bucket(this.bucket).key(key).uploadId(partsId));
		}
		catch (NoSuchUploadException ex) {
			// Completed or aborted already.
		}
		catch (SdkException ex) {
			throw new IOException(
					"Could not abort the parts of " + key + " in bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * S3 refuses to join parts under 5 MiB, but for the last.
	 */
	@Override
	public long minPartBytes() {
		return 5L * 1024 * 1024;
	}

	@Override
	public void close() {
		this.s3.close();
	}

}
