package com.focusracer.photos.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoStage;
import com.focusracer.photos.PhotoStatus;

/**
 * What becomes of a stage's job whose node died (db-scheduler heard no heartbeat): it
 * runs again, unless its photo has moved past that stage since. Each stage schedules the
 * next before db-scheduler removes its own job, so a node that dies between the two
 * leaves a job whose work is done; once the next stage has started on another node,
 * running the dead one again would start a second pass through the stages after it and
 * publish the photo twice (a second live news; seen once in ClusterIntegrationTests).
 * Each stage marks the photo with its name when it starts, {@code publish} last, so a
 * photo marked with a later stage than the dead job's has moved past it. (A node dying
 * between picking a re-processing's first job and marking the photo leaves that one photo
 * as it was: the re-processing can be asked again.)
 */
final class DeadStageJobs {

	private static final Logger log = LoggerFactory.getLogger(DeadStageJobs.class);

	private final PhotoRepository photos;

	/** The marks a photo gets on its way through the pipeline, in order. */
	private final List<String> order;

	DeadStageJobs(PhotoRepository photos, List<PhotoStage> stages) {
		this.photos = photos;
		List<String> order = new ArrayList<>();
		order.add("derive");
		stages.forEach((stage) -> order.add(stage.name()));
		order.add("publish");
		this.order = List.copyOf(order);
	}

	/**
	 * The handler of one stage's dead jobs.
	 * @param stage the stage's name
	 * @return the handler
	 */
	DeadExecutionHandler<Void> reviveUnlessMovedOn(String stage) {
		DeadExecutionHandler<Void> revive = new DeadExecutionHandler.ReviveDeadExecution<>();
		int at = this.order.indexOf(stage);
		return (complete, operations) -> {
			UUID photoId = UUID.fromString(complete.getExecution().taskInstance.getId());
			Photo photo = this.photos.find(photoId).orElse(null);
			// Any other mark (received, a re-run's start) is before every stage: indexOf
			// -1.
			if (photo != null && photo.status() != PhotoStatus.FAILED && this.order.indexOf(photo.stage()) > at) {
				log.info("The {} job of photo {} was left by a node that died; the photo is at {} since: not run again",
						stage, photoId, photo.stage());
				operations.remove();
			}
			else {
				revive.deadExecution(complete, operations);
			}
		};
	}

}
