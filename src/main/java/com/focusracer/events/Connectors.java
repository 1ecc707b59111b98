package com.focusracer.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.StartListSource.Credentials;
import com.focusracer.events.connectors.ConnectorRepository;
import com.focusracer.events.connectors.ConnectorSecrets;
import com.focusracer.events.internal.MappedStartListFile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration connectors: an event's start list read from Njuko, RaceResult or RunSignup
 * with the event's own credentials (kept encrypted, never shown again), shown with the
 * same preview and diff as a CSV file, then re-synced on a schedule. A re-sync never
 * removes a runner with photos: those wait for the organizer's confirmation. Network
 * calls run outside any database transaction.
 */
@Service
public class Connectors {

	private static final Logger log = LoggerFactory.getLogger(Connectors.class);

	// Another node may retry a claimed connector after this long (its node died).
	private static final Duration LEASE = Duration.ofMinutes(10);

	private static final int CLAIM_BATCH = 10;

	// The name of a kept upload read from a platform.
	private static final String UPLOAD_PREFIX = "connector:";

	private final Map<String, StartListSource> sources = new LinkedHashMap<>();

	private final ConnectorRepository repository;

	private final ConnectorSecrets secrets;

	private final EventManagement events;

	private final StartLists startLists;

	private final ObjectProvider<BibsWithPhotos> photos;

	private final ConnectorsProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Connectors(List<StartListSource> sources, ConnectorRepository repository, ConnectorSecrets secrets,
			EventManagement events, StartLists startLists, ObjectProvider<BibsWithPhotos> photos,
			ConnectorsProperties properties, TransactionTemplate transactions, Clock clock) {
		sources.forEach((source) -> this.sources.put(source.platform(), source));
		this.repository = repository;
		this.secrets = secrets;
		this.events = events;
		this.startLists = startLists;
		this.photos = photos;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The platforms one can connect, by code.
	 * @return code to name
	 */
	public Map<String, String> platforms() {
		Map<String, String> names = new LinkedHashMap<>();
		this.sources.forEach((code, source) -> names.put(code, source.displayName()));
		return names;
	}

	/**
	 * An event's connector, as its owner may see it.
	 * @param eventId the event
	 * @param accountId the owner
	 * @return the connector, empty when none is set up
	 */
	public Optional<ConnectorStatus> status(UUID eventId, UUID accountId) {
		this.events.owned(eventId, accountId);
		return this.repository.find(eventId).map((c) -> {
			Map<String, Runner> runners = new LinkedHashMap<>();
			this.startLists.runnersOf(eventId).forEach((r) -> runners.put(r.bib(), r));
			List<Runner> pending = this.repository.pendingRemovals(eventId)
				.stream()
				.map((bib) -> runners.getOrDefault(bib, new Runner(bib, "", "", null, null, null, null, null)))
				.toList();
			return new ConnectorStatus(c.platform(), source(c.platform()).displayName(), c.reference(),
					c.subReference(), c.keyHint(), c.savedAt(), c.nextSyncAt(), c.lastSyncAt(), c.lastAdded(),
					c.lastChanged(), c.lastRemoved(), c.lastError(), pending);
		});
	}

	/**
	 * How many runners wait for the owner to confirm their removal.
	 * @param eventId the event
	 * @param accountId the owner
	 * @return the count
	 */
	public int pendingRemovalCount(UUID eventId, UUID accountId) {
		this.events.owned(eventId, accountId);
		return this.repository.pendingRemovals(eventId).size();
	}

	/**
	 * Saves an event's connector; the key and secret are encrypted at once.
	 * @param eventId the event
	 * @param accountId the owner
	 * @param platform the platform's code
	 * @param credentials what the platform needs
	 */
	public void save(UUID eventId, UUID accountId, String platform, Credentials credentials) {
		this.events.owned(eventId, accountId);
		StartListSource source = source(platform);
		String reference = trimmed(credentials.reference());
		String key = trimmed(credentials.key());
		if (reference == null || key == null) {
			throw new EventException("connector.missingFields");
		}
		Credentials clean = new Credentials(reference, trimmed(credentials.subReference()), key,
				trimmed(credentials.secret()));
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			this.repository.save(eventId, source.platform(), reference, clean.subReference(),
					this.secrets.encrypt(eventId, clean), (key.length() >= 12) ? key.substring(key.length() - 4) : null,
					now, null);
			this.events.audit(accountId, "connector.saved", eventId, source.displayName() + " " + reference);
		});
	}

	public void remove(UUID eventId, UUID accountId) {
		this.events.owned(eventId, accountId);
		this.transactions.executeWithoutResult((status) -> {
			if (this.repository.delete(eventId)) {
				this.repository.clearAllPending(eventId);
				this.events.audit(accountId, "connector.removed", eventId, "");
			}
		});
	}

	/**
	 * Checks the saved credentials against the platform.
	 * @param eventId the event
	 * @param accountId the owner
	 * @return how many runners or races the platform reports
	 */
	public int test(UUID eventId, UUID accountId) {
		ConnectorRepository.Stored stored = stored(eventId, accountId);
		return source(stored.platform()).test(credentials(stored));
	}

	/**
	 * Reads the platform's list and keeps it for the same preview as an uploaded file.
	 * @param eventId the event
	 * @param accountId the owner
	 * @return the kept upload's id, for the preview page
	 */
	public UUID fetch(UUID eventId, UUID accountId) {
		ConnectorRepository.Stored stored = stored(eventId, accountId);
		StartListSource source = source(stored.platform());
		List<Runner> runners = source.read(credentials(stored));
		return this.startLists.keepUpload(eventId, accountId, UPLOAD_PREFIX + source.platform(),
				MappedStartListFile.write(runners));
	}

	/**
	 * Starts the scheduled re-syncs once the owner applied a first import from the
	 * platform (seen in the preview): saving credentials alone never changes the list.
	 * @param eventId the event
	 * @param accountId the owner
	 * @param uploadName the applied file's name
	 */
	public void applied(UUID eventId, UUID accountId, String uploadName) {
		Event event = this.events.owned(eventId, accountId);
		if (uploadName != null && uploadName.startsWith(UPLOAD_PREFIX) && this.repository.find(eventId).isPresent()) {
			this.repository.setNextSync(eventId, nextSync(event, this.clock.instant()));
		}
	}

	/**
	 * Re-syncs the connectors due, each claimed by one node only.
	 * @return how many were re-synced
	 */
	public int syncDue() {
		Instant now = this.clock.instant();
		List<UUID> claimed = this.transactions
			.execute((status) -> this.repository.claimDue(now, now.plus(LEASE), CLAIM_BATCH));
		int done = 0;
		for (UUID eventId : claimed) {
			done += sync(eventId) ? 1 : 0;
		}
		return done;
	}

	private boolean sync(UUID eventId) {
		Optional<ConnectorRepository.Stored> found = this.repository.find(eventId);
		Optional<Event> event = this.events.get(eventId);
		if (found.isEmpty() || event.isEmpty()) {
			return false;
		}
		ConnectorRepository.Stored stored = found.get();
		StartListSource source = source(stored.platform());
		Instant now = this.clock.instant();
		Instant next = nextSync(event.get(), now);
		try {
			byte[] content = MappedStartListFile.write(source.read(credentials(stored)));
			this.transactions.executeWithoutResult((status) -> {
				StartLists.SyncOutcome outcome = this.startLists.sync(eventId, event.get().ownerId(), content,
						this::withPhotos, source.displayName());
				List<String> pending = this.repository.pendingRemovals(eventId);
				this.repository.clearPending(eventId,
						pending.stream().filter((bib) -> !outcome.kept().contains(bib)).toList());
				this.repository.keepPending(eventId, outcome.kept(), now);
				this.repository.synced(eventId, now, next, outcome.added(), outcome.changed(), outcome.removed());
			});
			log.info("Start list of event {} re-synced from {}", eventId, source.displayName());
			return true;
		}
		catch (EventException ex) {
			log.warn("Start list of event {} not re-synced from {}: {}", eventId, source.displayName(),
					ex.messageKey());
			StringBuilder error = new StringBuilder(ex.messageKey());
			for (Object argument : ex.arguments()) {
				error.append('|').append(argument);
			}
			this.repository.failed(eventId, now, next, error.toString());
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Start list of event {} not re-synced from {}", eventId, source.displayName(), ex);
			this.repository.failed(eventId, now, next, "connector.failed");
			return false;
		}
	}

	/**
	 * Removes the runners a re-sync kept because of their photos, as the organizer
	 * confirms.
	 * @param eventId the event
	 * @param accountId the owner
	 * @return how many were removed
	 */
	public int confirmRemovals(UUID eventId, UUID accountId) {
		this.events.owned(eventId, accountId);
		return this.transactions.execute((status) -> {
			List<String> bibs = this.repository.pendingRemovals(eventId);
			this.startLists.removeAll(eventId, accountId, bibs);
			this.repository.clearAllPending(eventId);
			return bibs.size();
		});
	}

	/**
	 * Keeps the runners a re-sync would have removed: they stay on the list.
	 * @param eventId the event
	 * @param accountId the owner
	 */
	public void keepRunners(UUID eventId, UUID accountId) {
		this.events.owned(eventId, accountId);
		this.repository.clearAllPending(eventId);
	}

	/**
	 * When the next re-sync is due: every 15 minutes until race day, hourly from race day
	 * on, none some days after it.
	 * @param event the event
	 * @param now the current time
	 * @return the time, or {@code null} when re-syncs stop
	 */
	Instant nextSync(Event event, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.clock.getZone());
		if (event.archived() || today.isAfter(event.date().plusDays(this.properties.syncDaysAfterRace()))) {
			return null;
		}
		return now
			.plus(today.isBefore(event.date()) ? this.properties.syncBeforeRace() : this.properties.syncAfterRace());
	}

	private Set<String> withPhotos(UUID eventId, java.util.Collection<String> bibs) {
		BibsWithPhotos linked = this.photos.getIfAvailable();
		// Without recognition nobody can tell: every removal waits for the organizer.
		return (linked != null) ? linked.among(eventId, bibs) : Set.copyOf(bibs);
	}

	private ConnectorRepository.Stored stored(UUID eventId, UUID accountId) {
		this.events.owned(eventId, accountId);
		return this.repository.find(eventId).orElseThrow(() -> new EventException("connector.none"));
	}

	private Credentials credentials(ConnectorRepository.Stored stored) {
		try {
			return this.secrets.decrypt(stored.eventId(), stored.reference(), stored.subReference(),
					stored.credentials());
		}
		catch (IllegalStateException ex) {
			// Another key on this node, or the key changed: the organizer enters them
			// again.
			log.error(ex.getMessage(), ex);
			throw new EventException("connector.credentialsUnreadable");
		}
	}

	private StartListSource source(String platform) {
		StartListSource source = this.sources.get(platform);
		if (source == null) {
			throw new EventException("connector.unknownPlatform");
		}
		return source;
	}

	private static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
