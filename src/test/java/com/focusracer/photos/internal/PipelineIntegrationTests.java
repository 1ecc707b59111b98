package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosProperties;
import com.focusracer.photos.PhotosTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The analysis image between {@code derive} and the recognition stages: kept in this
 * node's memory, made again from the original when it is not there.
 */
@SpringBootTest
class PipelineIntegrationTests {

	@org.springframework.beans.factory.annotation.Autowired
	com.focusracer.photos.PhotoActions photoActions;

	@Autowired
	Pipeline pipeline;

	@Autowired
	AnalysisImageCache analysisImages;

	@Autowired
	PhotosTestUtils photos;

	@Autowired
	PhotoManagement photoManagement;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PhotosProperties properties;

	private TestAccount photographer;

	private Event event;

	@BeforeEach
	void anEventWithItsPhotographer() {
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.event = this.events.aMarathon(this.photographer.id());
	}

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Autowired
	com.focusracer.photos.BlobStore blobs;

	@Test
	void deriveKeepsTheAnalysisImageInMemoryAndAnotherNodeMakesTheSameOneFromTheOriginal() throws Exception {
		double missesBefore = misses();
		UUID photo = this.photos.publish(this.event.id(), this.photographer.id(), Photos.aFinishLineScene(2400, 1600))
			.get(0);
		assertThat(this.jdbc.sql("select analysis_key from photo where id = ?").param(photo).query(String.class).list())
			.as("no analysis JPEG any more")
			.containsOnlyNulls();
		assertThat(this.properties.storageDirectory().resolve("analysis").resolve(this.event.id().toString()))
			.doesNotExist();
		assertThat(misses()).as("the recognition stages read the image derive kept: no original decoded again")
			.isEqualTo(missesBefore);
		assertThat(this.analysisImages.holds(photo)).as("forgotten once its last stage has read it").isFalse();

		Path original = Files.createTempFile("original", ".jpg");
		try (var in = this.blobs.open(this.jdbc.sql("select original_key from photo where id = ?")
			.param(photo)
			.query(String.class)
			.single())) {
			Files.copy(in, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		BufferedImage derived = Derivatives
			.derive(original, new Derivatives.Branding("x", null, null, null), this.properties.webSize(),
					this.properties.previewSize())
			.analysis();
		Files.delete(original);
		BufferedImage remade = this.pipeline.analysisImage(photo);

		assertThat(misses()).isEqualTo(missesBefore + 1);
		assertThat(remade.getWidth()).isEqualTo(derived.getWidth()).isEqualTo(2400);
		assertThat(remade.getHeight()).isEqualTo(derived.getHeight());
		for (int y = 0; y < derived.getHeight(); y += 7) {
			for (int x = 0; x < derived.getWidth(); x += 7) {
				assertThat(remade.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(derived.getRGB(x, y));
			}
		}
		assertThat(this.analysisImages.holds(photo)).as("kept once made again").isTrue();
	}

	private double misses() {
		return this.meters.counter("focusracer.photos.analysis-cache.misses").count();
	}

	@Test
	void aPublishJobRunAgainAfterItsNodeDiedPublishesNothingTwice() throws Exception {
		UUID photo = this.photos.publish(this.event.id(), this.photographer.id(), Photos.aFinishLineScene(1200, 800))
			.get(0);
		java.util.List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<?>> listener = (
				e) -> {
			if (e.getPayload() instanceof com.focusracer.photos.PhotoPublished
					|| e.getPayload() instanceof com.focusracer.photos.PhotoProgressed) {
				events.add(e.getPayload());
			}
		};
		this.context.addApplicationListener(listener);
		try {
			// db-scheduler runs the job again: its node died before marking it done.
			this.pipeline.publish(photo);
		}
		finally {
			this.context.removeApplicationListener(listener);
		}
		assertThat(events).as("no second PhotoPublished, no second 'published'").isEmpty();
	}

	@Autowired
	org.springframework.context.support.AbstractApplicationContext context;

	@Test
	void aStageLeftByADeadNodeRunsAgainUnlessItsPhotoMovedOnSince() throws Exception {
		UUID published = this.photos
			.publish(this.event.id(), this.photographer.id(), Photos.aFinishLineScene(1200, 800))
			.get(0);
		UUID working = this.photos.publish(this.event.id(), this.photographer.id(), Photos.aFinishLineScene(1000, 700))
			.get(0);
		// A node died in this photo's derive: it shows that stage still.
		this.jdbc.sql("update photo set status = 'PROCESSING', stage = 'derive' where id = ?").param(working).update();

		ExecutionOperations<Void> midStage = dead("derive", working);

		Mockito.verify(midStage, Mockito.never()).remove();
		Mockito.verify(midStage).reschedule(Mockito.any(ExecutionComplete.class), Mockito.any(java.time.Instant.class));
		// The next stage started elsewhere: derive's work was done.
		this.jdbc.sql("update photo set stage = 'read-bibs' where id = ?").param(working).update();
		Mockito.verify(dead("derive", working)).remove();
		Mockito.verify(dead("read-bibs", working), Mockito.never()).remove();
		// Every stage before publish: running it again would publish the photo twice.
		java.util.List<String> stages = this.pipeline.tasks()
			.stream()
			.map(com.github.kagkarlsson.scheduler.task.Task::getName)
			.filter((name) -> !name.equals("publish"))
			.toList();
		assertThat(stages).contains("derive", "read-bibs", "link");
		for (String stage : stages) {
			ExecutionOperations<Void> afterPublication = dead(stage, published);
			Mockito.verify(afterPublication).remove();
			Mockito.verify(afterPublication, Mockito.never())
				.reschedule(Mockito.any(ExecutionComplete.class), Mockito.any(java.time.Instant.class));
		}
	}

	/**
	 * What the scheduler does when it finds this photo's job of a stage without its node.
	 */
	@SuppressWarnings("unchecked")
	private ExecutionOperations<Void> dead(String stage, UUID photo) {
		com.github.kagkarlsson.scheduler.task.Task<Void> task = (com.github.kagkarlsson.scheduler.task.Task<Void>) this.pipeline
			.tasks()
			.stream()
			.filter((t) -> t.getName().equals(stage))
			.findFirst()
			.orElseThrow();
		ExecutionOperations<Void> operations = Mockito.mock(ExecutionOperations.class);
		Execution execution = new Execution(java.time.Instant.now(), new TaskInstance<Void>(stage, photo.toString()));
		task.getDeadExecutionHandler()
			.deadExecution(ExecutionComplete.failure(execution, java.time.Instant.now(), java.time.Instant.now(), null),
					operations);
		return operations;
	}

	@Test
	void aDeletedPhotoLeavesTheCache() throws Exception {
		UUID photo = this.photos.publish(this.event.id(), this.photographer.id(), Photos.aFinishLineScene(1200, 800))
			.get(0);
		this.pipeline.analysisImage(photo);
		assertThat(this.analysisImages.holds(photo)).isTrue();
		this.photoActions.delete(photo, this.photographer.id());
		assertThat(this.analysisImages.holds(photo)).isFalse();
	}

	@Test
	void reprocessingADerivedPhotoStartsAtRecognitionEvenWithoutItsImageInMemory() throws Exception {
		UUID photo = this.photos.publish(this.event.id(), this.photographer.id(), Photos.aFinishLineScene(1200, 800))
			.get(0);
		this.analysisImages.invalidate(photo);
		SchedulerClient client = Mockito.mock(SchedulerClient.class);
		this.pipeline.reprocess(client, this.photoManagement.get(photo).orElseThrow());
		@SuppressWarnings("unchecked")
		ArgumentCaptor<TaskInstance<?>> scheduled = ArgumentCaptor.forClass(TaskInstance.class);
		Mockito.verify(client).scheduleIfNotExists(scheduled.capture(), Mockito.any());
		assertThat(scheduled.getValue().getTaskName()).isNotEqualTo("derive");
		assertThat(scheduled.getValue().getId()).isEqualTo(photo.toString());
	}

	@Test
	void anOriginalThatIsGoneFailsTheStageSoThatItIsRetried() throws Exception {
		UUID photo = this.photos.publish(this.event.id(), this.photographer.id(), Photos.aFinishLineScene(1200, 800))
			.get(0);
		this.analysisImages.invalidate(photo);
		String original = this.jdbc.sql("select original_key from photo where id = ?")
			.param(photo)
			.query(String.class)
			.single();
		Path file = this.properties.storageDirectory().resolve(original);
		byte[] bytes = Files.readAllBytes(file);
		Files.delete(file);
		try {
			assertThatThrownBy(() -> this.pipeline.analysisImage(photo)).isInstanceOf(java.io.IOException.class);
		}
		finally {
			Files.write(file, bytes);
		}
	}

}
