package com.focusracer.photos.internal;

import java.io.IOException;
import java.time.Clock;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;

import com.focusracer.events.EventImages;
import com.focusracer.events.EventManagement;
import com.focusracer.photos.BlobStore;
import com.focusracer.photos.PhotosProperties;
import com.focusracer.photos.S3Properties;
import com.focusracer.photos.WorkersProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Wires db-scheduler by hand: its Spring Boot 4 starter is not published yet, and the
 * core library needs only a data source and the task list.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

	@Bean
	BlobStore blobStore(PhotosProperties properties, S3Properties s3) throws IOException {
		return switch (properties.storage()) {
			case "filesystem" -> new FileSystemBlobStore(properties.storageDirectory());
			case "s3" -> new S3BlobStore(s3);
			default -> throw new IllegalStateException(
					"focusracer.photos.storage must be 'filesystem' or 's3', not '" + properties.storage() + "'");
		};
	}

	@Bean
	Pipeline pipeline(PhotoRepository photos, BlobStore blobs, EventManagement events, EventImages images,
			PhotosProperties properties, MessageSource messages, ApplicationEventPublisher publisher, Clock clock,
			java.util.List<com.focusracer.photos.PhotoStage> stages,
			org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters,
			AnalysisImageCache analysisImages, org.springframework.transaction.support.TransactionTemplate transactions,
			com.focusracer.events.AutoEditSettings autoEdit) {
		return new Pipeline(photos, blobs, events, images, properties, messages, publisher, clock, stages,
				meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new), analysisImages,
				transactions, autoEdit);
	}

	@Bean
	AnalysisImageCache analysisImageCache(PhotosProperties properties,
			org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
		return new AnalysisImageCache(properties.analysisCache().maxSize().toBytes(),
				properties.analysisCache().expiry(),
				meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
	}

	/**
	 * Schedules jobs inside the caller's transaction: a photo row and its first job
	 * commit together.
	 * @param dataSource the data source
	 * @param pipeline the pipeline
	 * @return the client
	 */
	@Bean
	SchedulerClient schedulerClient(DataSource dataSource, Pipeline pipeline) {
		return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), pipeline.tasks())
			.build();
	}

	@Bean
	PipelineWorkers pipelineWorkers(DataSource dataSource, Pipeline pipeline, WorkersProperties workers) {
		return new PipelineWorkers(dataSource, pipeline, workers);
	}

	/**
	 * The node's workers, started once the application (and its migrations) is ready;
	 * none when threads is 0. A stopped db-scheduler cannot start again, so each start
	 * builds a new one (Spring stops and restarts the lifecycle of paused test contexts,
	 * for one).
	 */
	static class PipelineWorkers implements SmartLifecycle {

		private final DataSource dataSource;

		private final Pipeline pipeline;

		private final WorkersProperties workers;

		private volatile Scheduler scheduler;

		PipelineWorkers(DataSource dataSource, Pipeline pipeline, WorkersProperties workers) {
			this.dataSource = dataSource;
			this.pipeline = pipeline;
			this.workers = workers;
		}

		@Override
		public synchronized void start() {
			if (this.scheduler == null && this.workers.threads() > 0) {
				this.scheduler = Scheduler.create(this.dataSource, this.pipeline.tasks())
					.threads(this.workers.threads())
					.pollingInterval(this.workers.pollingInterval())
					.heartbeatInterval(this.workers.heartbeatInterval())
					.missedHeartbeatsLimit(this.workers.missedHeartbeats())
					.enableImmediateExecution()
					.shutdownMaxWait(java.time.Duration.ofSeconds(20))
					.build();
				this.scheduler.start();
			}
		}

		@Override
		public synchronized void stop() {
			if (this.scheduler != null) {
				this.scheduler.stop();
				this.scheduler = null;
			}
		}

		@Override
		public boolean isRunning() {
			return this.scheduler != null;
		}

	}

}
