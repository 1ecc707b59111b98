package com.focusracer.photos.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.Event;
import com.focusracer.events.EventImages;
import com.focusracer.events.EventManagement;
import com.focusracer.photos.BlobStore;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoPublished;
import com.focusracer.photos.PhotoStage;
import com.focusracer.photos.PhotoStatus;
import com.focusracer.photos.PhotosProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The photo pipeline's stages as db-scheduler jobs, one job per photo and stage,
 * persisted in PostgreSQL so that a crash loses none: {@code derive} → the stages other
 * modules add ({@code read-bibs} → {@code faces} → {@code link}) → {@code publish}. Each
 * stage is safe to run again; each schedules the next one only if it is not already
 * scheduled. A stage that fails for a reason that will not go away (a corrupt file) marks
 * the photo failed at once; other failures are retried with growing delays, then the
 * photo is marked failed.
 */
public class Pipeline {

	private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

	static final int MAX_ATTEMPTS = 4;

	private final PhotoRepository photos;

	private final BlobStore blobs;

	private final EventManagement events;

	private final EventImages images;

	private final TransactionTemplate transactions;

	private final PhotosProperties properties;

	private final MessageSource messages;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final OneTimeTask<Void> derive;

	private final OneTimeTask<Void> publish;

	private final List<PhotoStage> stages;

	private final List<OneTimeTask<Void>> stageTasks;

	private final io.micrometer.core.instrument.MeterRegistry meters;

	private final PhotoDecoder decoder;

	private final AnalysisImageCache analysisImages;

	private final com.focusracer.events.AutoEditSettings autoEdit;

	public Pipeline(PhotoRepository photos, BlobStore blobs, EventManagement events, EventImages images,
			PhotosProperties properties, MessageSource messages, ApplicationEventPublisher publisher, Clock clock,
			List<PhotoStage> stages, io.micrometer.core.instrument.MeterRegistry meters,
			AnalysisImageCache analysisImages, TransactionTemplate transactions,
			com.focusracer.events.AutoEditSettings autoEdit) {
		this.autoEdit = autoEdit;
		this.stages = List.copyOf(stages);
		this.transactions = transactions;
		this.meters = meters;
		this.images = images;
		this.photos = photos;
		this.blobs = blobs;
		this.events = events;
		this.properties = properties;
		this.messages = messages;
		this.publisher = publisher;
		this.clock = clock;
		this.decoder = new PhotoDecoder(properties.nativeJpeg());
		this.analysisImages = analysisImages;
		DeadStageJobs deadJobs = new DeadStageJobs(photos, this.stages);
		this.derive = Tasks.oneTime("derive")
			.onFailure(retryThenFail("derive"))
			.onDeadExecution(deadJobs.reviveUnlessMovedOn("derive"))
			.execute((instance, context) -> timed("derive", () -> derive(UUID.fromString(instance.getId()), context)));
		this.publish = Tasks.oneTime("publish")
			.onFailure(retryThenFail("publish"))
			.execute((instance, context) -> publish(UUID.fromString(instance.getId())));
		List<OneTimeTask<Void>> tasks = new java.util.ArrayList<>();
		for (int i = 0; i < this.stages.size(); i++) {
			int index = i;
			String name = this.stages.get(i).name();
			tasks.add(Tasks.oneTime(name)
				.onFailure(retryThenFail(name))
				.onDeadExecution(deadJobs.reviveUnlessMovedOn(name))
				.execute((instance, context) -> timed(name,
						() -> runStage(index, UUID.fromString(instance.getId()), context))));
		}
		this.stageTasks = List.copyOf(tasks);
	}

	/**
	 * Runs a stage and records its duration ({@code focusracer.pipeline.stage}, tag
	 * {@code stage}: on {@code /actuator/prometheus} and in the pipeline bench).
	 */
	private void timed(String stage, Runnable work) {
		io.micrometer.core.instrument.Timer.builder("focusracer.pipeline.stage")
			.description("Time a photo spends in a pipeline stage")
			.tag("stage", stage)
			.register(this.meters)
			.record(work);
	}

	public List<Task<?>> tasks() {
		List<Task<?>> tasks = new java.util.ArrayList<>();
		tasks.add(this.derive);
		tasks.addAll(this.stageTasks);
		tasks.add(this.publish);
		return tasks;
	}

	/**
	 * The first stage's job for a photo, to schedule in the transaction that records the
	 * photo.
	 * @param photoId the photo
	 * @return the job instance
	 */
	public TaskInstance<Void> firstStage(UUID photoId) {
		return this.derive.instance(photoId.toString());
	}

	void derive(UUID photoId, ExecutionContext context) {
		Photo photo = this.photos.find(photoId).orElse(null);
		// A hidden photo goes through the pipeline too: shown again, it is complete.
		if (photo == null) {
			return;
		}
		this.photos.markStage(photoId, PhotoStatus.PROCESSING, "derive", this.clock.instant());
		progress(photo, "derive");
		Event event = this.events.get(photo.eventId()).orElseThrow();
		Path original = null;
		try {
			original = fetchOriginal(photoId);
			Derivatives.Result result = Derivatives.derive(this.decoder, original,
					new Derivatives.Branding(event.effectiveWatermark(), event.sponsorText(), event.primaryColor(),
							logo(event)),
					this.properties.webSize(), this.properties.previewSize(), this.autoEdit.enabled(event.id()));
			String webKey = "web/" + photo.eventId() + "/" + photoId + ".jpg";
			String previewKey = "previews/" + photo.eventId() + "/" + photoId + ".jpg";
			this.blobs.put(webKey, result.web());
			this.blobs.put(previewKey, result.preview());
			this.photos.saveDerivatives(photoId, webKey, previewKey, result.sharpness(), result.exposure(),
					result.quality(), result.takenAt(), result.cameraSerial(), this.clock.instant());
			// For the recognition stages that follow, on this node or another (which
			// makes it again from the original).
			if (imageReadAfter(-1, photo)) {
				this.analysisImages.put(photoId, result.analysis());
			}
		}
		catch (Derivatives.UndecodableException ex) {
			fail(photo, "derive", ex.messageKey());
			return;
		}
		catch (IOException ex) {
			throw new StageFailedException("derive", photoId, ex);
		}
		// Errors (OutOfMemoryError above all) are not caught: the JVM may be left broken
		// by one, and photos too large to decode are refused from their header already.
		// The scheduler hands them to retryThenFail like any failure.
		finally {
			TempFiles.deleteQuietly(original);
		}
		scheduleAfter(-1, this.photos.find(photoId).orElse(photo), context.getSchedulerClient(), true);
	}

	void runStage(int index, UUID photoId, ExecutionContext context) {
		Photo photo = this.photos.find(photoId).orElse(null);
		if (photo == null || photo.status() == PhotoStatus.FAILED) {
			return;
		}
		PhotoStage stage = this.stages.get(index);
		PhotoStatus status = (photo.status() == PhotoStatus.PUBLISHED) ? PhotoStatus.PUBLISHED : PhotoStatus.PROCESSING;
		this.photos.markStage(photoId, status, stage.name(), this.clock.instant());
		progress(photo, stage.name());
		try {
			stage.run(photo, () -> analysisImage(photoId));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new StageFailedException(stage.name(), photoId, ex);
		}
		if (!imageReadAfter(index, photo)) {
			// Its last reader is done: its memory goes to the photos behind it.
			this.analysisImages.invalidate(photoId);
		}
		scheduleAfter(index, photo, context.getSchedulerClient(), true);
	}

	private boolean imageReadAfter(int index, Photo photo) {
		for (int next = index + 1; next < this.stages.size(); next++) {
			if (this.stages.get(next).readsAnalysisImage() && this.stages.get(next).appliesTo(photo)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The photo's analysis image: the one {@code derive} kept on this node, or made again
	 * from the original as {@code derive} makes it.
	 */
	java.awt.image.BufferedImage analysisImage(UUID photoId) throws IOException {
		// Each miss is counted by the cache (focusracer.photos.analysis-cache.misses).
		return this.analysisImages.get(photoId, () -> {
			Path original = null;
			try {
				original = fetchOriginal(photoId);
				return Derivatives.analysisImage(this.decoder, original, this.properties.webSize());
			}
			finally {
				TempFiles.deleteQuietly(original);
			}
		});
	}

	private Path fetchOriginal(UUID photoId) throws IOException {
		return TempFiles.copy(this.blobs, this.photos.key(photoId, "original_key").orElseThrow(),
				"focus-racer-original-");
	}

	/**
	 * Schedules the first stage after {@code index} that has work for the photo, or
	 * {@code publish}: due at the photo's upload time when it is going through the
	 * pipeline, now when a re-processing starts.
	 */
	private void scheduleAfter(int index, Photo photo, SchedulerClient client, boolean inUploadOrder) {
		// Due when the photo arrived, not now: the scheduler runs due jobs oldest first,
		// so a photo goes through all its stages before the photos uploaded after it are
		// derived. Photos then leave the pipeline in upload order, and the analysis
		// images
		// waiting in memory for their next stage stay few (else derive, the fastest
		// stage,
		// fills the cache with every upload of a burst and the oldest are evicted before
		// they are read).
		// A re-processing starts now, behind the uploads already waiting.
		Instant due = (inUploadOrder && photo.createdAt() != null && photo.createdAt().isBefore(this.clock.instant()))
				? photo.createdAt() : this.clock.instant();
		for (int next = index + 1; next < this.stages.size(); next++) {
			if (this.stages.get(next).appliesTo(photo)) {
				client.scheduleIfNotExists(this.stageTasks.get(next).instance(photo.id().toString()), due);
				return;
			}
		}
		client.scheduleIfNotExists(this.publish.instance(photo.id().toString()), due);
	}

	/**
	 * Runs recognition again for a photo (event "re-process"): from its first recognition
	 * stage when it has been derived (its analysis image can always be made again from
	 * the original), else from {@code derive}. A published photo stays published
	 * meanwhile.
	 * @param client the scheduler client
	 * @param photo the photo
	 */
	public void reprocess(SchedulerClient client, Photo photo) {
		if (this.photos.key(photo.id(), "web_key").isPresent()) {
			scheduleAfter(-1, photo, client, false);
		}
		else {
			client.scheduleIfNotExists(firstStage(photo.id()), this.clock.instant());
		}
	}

	private java.awt.image.BufferedImage logo(Event event) {
		return this.images.get(event.id(), EventImages.Kind.LOGO).map((bytes) -> {
			try {
				return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
			}
			catch (IOException ex) {
				return null;
			}
		}).orElse(null);
	}

	void publish(UUID photoId) {
		Photo photo = this.photos.find(photoId).orElse(null);
		if (photo == null || photo.status() == PhotoStatus.FAILED) {
			return;
		}
		if (photo.status() == PhotoStatus.PUBLISHED && "publish".equals(photo.stage())) {
			// This job ran already; its node died before db-scheduler heard it had
			// finished. Published once: no second event, no second alert.
			return;
		}
		// PhotoPublished is stored with the status change (the event publication
		// registry): the work it triggers in other modules survives a crash.
		this.transactions.executeWithoutResult((status) -> {
			java.time.Instant now = this.clock.instant();
			this.photos.markStage(photoId, PhotoStatus.PUBLISHED, "publish", now);
			this.publisher.publishEvent(new PhotoPublished(photo.eventId(), photoId, photo.createdAt(), now));
			// Its live news too (NOTIFY leaves at the commit): a node that dies after the
			// commit has told the watchers, one that dies before has told nobody and the
			// job runs again.
			progress(photo, "published");
		});
	}

	/**
	 * Runs a photo's stages again from the start (triage "re-run").
	 * @param client the scheduler client
	 * @param photoId the photo
	 */
	public void rerun(SchedulerClient client, UUID photoId) {
		this.photos.markStage(photoId, PhotoStatus.RECEIVED, "received", this.clock.instant());
		client.scheduleIfNotExists(firstStage(photoId), this.clock.instant());
	}

	private FailureHandler<Void> retryThenFail(String stage) {
		return (complete, operations) -> {
			int failures = complete.getExecution().consecutiveFailures + 1;
			UUID photoId = UUID.fromString(complete.getExecution().taskInstance.getId());
			if (failures >= MAX_ATTEMPTS) {
				log.warn("Stage {} failed {} times for photo {}: giving up", stage, failures, photoId,
						complete.getCause().orElse(null));
				this.photos.find(photoId).ifPresent((photo) -> fail(photo, stage, "photo.failure.retriesExhausted"));
				operations.remove();
			}
			else {
				Duration delay = Duration.ofSeconds((long) (5 * Math.pow(3, failures - 1)));
				log.info("Stage {} failed for photo {} (attempt {}), retrying in {}", stage, photoId, failures, delay);
				operations.reschedule(complete, Instant.now().plus(delay));
			}
		};
	}

	private void fail(Photo photo, String stage, String messageKey) {
		String reason = this.messages.getMessage(messageKey, null, java.util.Locale.FRENCH);
		log.warn("Photo {} of event {} failed at {}: {}", photo.id(), photo.eventId(), stage, messageKey);
		this.photos.markFailed(photo.id(), stage, messageKey, this.clock.instant());
		progress(photo, "failed:" + reason);
	}

	private void progress(Photo photo, String stage) {
		this.publisher.publishEvent(
				new com.focusracer.photos.PhotoProgressed(photo.eventId(), photo.id(), photo.fileName(), stage));
	}

	/**
	 * A stage failed for a reason that may go away (storage, database); the job is
	 * retried.
	 */
	static class StageFailedException extends RuntimeException {

		StageFailedException(String stage, UUID photoId, Throwable cause) {
			super("Stage " + stage + " failed for photo " + photoId, cause);
		}

	}

}
