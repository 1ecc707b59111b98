package com.focusracer.recognition.internal;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoStage;
import com.focusracer.recognition.BibRead;
import com.focusracer.recognition.RecognitionProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The recognition stages of the photo pipeline: {@code read-bibs} → {@code faces} (events
 * with face features on) → {@code link}.
 */
@Configuration(proxyBeanMethods = false)
class RecognitionStages {

	/**
	 * Start lists change rarely while photos pour in: each is read once a minute at most.
	 */
	private static final Duration START_LIST_CACHE = Duration.ofMinutes(1);

	private final Map<UUID, CachedList> startLists = new ConcurrentHashMap<>();

	private record CachedList(Set<String> bibs, Instant at) {
	}

	@Bean
	@Order(10)
	PhotoStage readBibs(Recognizers recognizers, RecognitionRepository repository, StartLists lists, Clock clock,
			RecognitionProperties properties) {
		return new PhotoStage() {

			@Override
			public String name() {
				return "read-bibs";
			}

			@Override
			public boolean appliesTo(Photo photo) {
				return properties.enabled();
			}

			@Override
			public void run(Photo photo, AnalysisImage analysisImage) throws Exception {
				BufferedImage image = analysisImage.get();
				List<BibRead> reads = recognizers.bibReader().read(image, startList(lists, photo.eventId(), clock));
				double w = image.getWidth();
				double h = image.getHeight();
				List<RecognitionRepository.StoredRead> stored = new ArrayList<>();
				for (BibRead read : reads) {
					BibRead.Box b = read.box();
					stored.add(new RecognitionRepository.StoredRead(photo.id(), read.bib(), read.readAs(), read.kind(),
							read.confidence(), Math.max(0, b.x() / w), Math.max(0, b.y() / h), b.width() / w,
							b.height() / h));
				}
				float[] signature = Signatures.of(image);
				repository.replaceReads(photo.id(), photo.eventId(), stored);
				repository.saveSignature(photo.id(), photo.eventId(), signature);
			}

		};
	}

	@Bean
	@Order(20)
	PhotoStage faces(Recognizers recognizers, RecognitionRepository repository, EventManagement events, Clock clock,
			RecognitionProperties properties, com.focusracer.recognition.RecognitionSettings settings) {
		return new PhotoStage() {

			@Override
			public String name() {
				return "faces";
			}

			@Override
			public boolean appliesTo(Photo photo) {
				return properties.enabled() && events.get(photo.eventId()).map(settings::facesOn).orElse(false)
						&& recognizers.faceModelsPresent();
			}

			@Override
			public void run(Photo photo, AnalysisImage analysisImage) throws Exception {
				Event event = events.get(photo.eventId()).orElse(null);
				if (event == null || !settings.facesOn(event)
						|| !event.faceDataDeleteAfter().isAfter(java.time.LocalDate.now(clock))) {
					// Face features off (or their retention over): nothing is detected or
					// kept.
					repository.replaceFaces(photo.id(), photo.eventId(), List.of(), clock.instant());
					return;
				}
				BufferedImage image = analysisImage.get();
				if (recognizers.onAws()) {
					// Re-processing: the photo's earlier faces leave the collection
					// first.
					recognizers.rekognition()
						.removeFaces(photo.eventId(), RecognitionRepository.externalIds(repository.faces(photo.id())));
					List<RecognitionRepository.StoredFace> indexed = new ArrayList<>();
					for (AwsRekognition.IndexedFace face : recognizers.rekognition()
						.indexFaces(photo.eventId(), photo.id(), image)) {
						double[] b = face.box();
						indexed.add(new RecognitionRepository.StoredFace(UUID.randomUUID(), photo.id(), b[0], b[1],
								b[2], b[3], face.confidence(), face.confidence() * face.sharpness(), new float[0],
								face.faceId()));
					}
					repository.replaceFaces(photo.id(), photo.eventId(), indexed, clock.instant());
					return;
				}
				// Faces 40 px tall in the original.
				double scale = Math.max(image.getWidth(), image.getHeight())
						/ (double) Math.max(photo.width(), photo.height());
				double minimumFace = Math.max(12, 40 * Math.min(1, scale));
				List<RecognitionRepository.StoredFace> stored = new ArrayList<>();
				double w = image.getWidth();
				double h = image.getHeight();
				for (FaceModels.Face face : recognizers.faceModels().orElseThrow().faces(image, minimumFace)) {
					// One ranking number (size, sharpness, eyes open, smile): no part of
					// it is kept.
					double quality = face.portrait();
					stored.add(new RecognitionRepository.StoredFace(UUID.randomUUID(), photo.id(), face.x() / w,
							face.y() / h, face.size() / w, face.size() / h, face.score(), quality, face.embedding()));
				}
				repository.replaceFaces(photo.id(), photo.eventId(), stored, clock.instant());
			}

		};
	}

	@Bean
	@Order(30)
	PhotoStage link(Linker linker, RecognitionProperties properties) {
		return new PhotoStage() {

			@Override
			public String name() {
				return "link";
			}

			@Override
			public boolean appliesTo(Photo photo) {
				return properties.enabled();
			}

			@Override
			public void run(Photo photo, AnalysisImage analysisImage) {
				linker.linkWithBurst(photo);
			}

			@Override
			public boolean readsAnalysisImage() {
				return false;
			}

		};
	}

	private Set<String> startList(StartLists lists, UUID eventId, Clock clock) {
		Instant now = clock.instant();
		CachedList cached = this.startLists.get(eventId);
		if (cached == null || cached.at().plus(START_LIST_CACHE).isBefore(now)) {
			cached = new CachedList(
					lists.runnersOf(eventId).stream().map(Runner::bib).collect(Collectors.toUnmodifiableSet()), now);
			this.startLists.put(eventId, cached);
		}
		return cached.bibs();
	}

}
