package com.focusracer.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.events.internal.StartListFile;
import com.focusracer.events.internal.StartListRepository;
import com.focusracer.shared.Bib;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Start lists: read a file, show what it would change, import all or only the valid
 * lines, edit a runner by hand. An import replaces the whole list in one transaction:
 * nothing half-imported.
 */
@Service
@Transactional
public class StartLists {

	private final StartListRepository repository;

	private final EventManagement events;

	private final Clock clock;

	StartLists(StartListRepository repository, EventManagement events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What importing a file would do, without changing anything.
	 * @param eventId the event (the caller must own it)
	 * @param accountId the caller
	 * @param content the file
	 * @return the preview
	 */
	@Transactional(readOnly = true)
	public StartListPreview preview(UUID eventId, UUID accountId, byte[] content) {
		this.events.owned(eventId, accountId);
		return preview(eventId, content);
	}

	private StartListPreview preview(UUID eventId, byte[] content) {
		StartListFile.Parsed parsed = StartListFile.read(content);
		Map<String, Runner> current = new HashMap<>();
		for (Runner runner : this.repository.all(eventId)) {
			current.put(runner.bib(), runner);
		}
		List<Runner> added = new ArrayList<>();
		List<Runner> changed = new ArrayList<>();
		for (Runner runner : parsed.runners()) {
			Runner before = current.remove(runner.bib());
			if (before == null) {
				added.add(runner);
			}
			else if (before.differsFrom(runner)) {
				changed.add(runner);
			}
		}
		List<Runner> removed = (parsed.fileProblem() != null) ? List.of() : new ArrayList<>(current.values());
		return new StartListPreview(parsed.runners(), parsed.problems(), parsed.fileProblem(), added, removed, changed,
				parsed.separator(), parsed.encoding());
	}

	/**
	 * Imports a file, replacing the event's list.
	 * @param eventId the event (the caller must own it)
	 * @param accountId the caller
	 * @param content the file
	 * @param validLinesOnly import the valid lines even when others are bad
	 * @return what was imported
	 * @throws StartListRejectedException when a line is bad and {@code validLinesOnly} is
	 * false, or the file is unusable
	 */
	public StartListImport importFile(UUID eventId, UUID accountId, byte[] content, boolean validLinesOnly) {
		this.events.owned(eventId, accountId);
		StartListPreview preview = preview(eventId, content);
		if (preview.fileProblem() != null || (!validLinesOnly && !preview.problems().isEmpty())) {
			throw new StartListRejectedException(preview);
		}
		this.repository.replace(eventId, preview.runners(), this.clock.instant());
		this.events.audit(accountId, "startList.imported", eventId,
				preview.runners().size() + " coureurs"
						+ (preview.problems().isEmpty() ? "" : ", " + preview.problems().size() + " lignes écartées")
						+ " (la liste est remplacée)");
		return new StartListImport(preview.runners().size(), preview.problems());
	}

	/**
	 * What a re-sync from a registration platform did.
	 *
	 * @param added runners added
	 * @param changed runners changed
	 * @param removed runners removed
	 * @param kept runners the platform no longer lists but kept because photos are linked
	 * to them
	 */
	record SyncOutcome(int added, int changed, int removed, List<String> kept) {
	}

	/**
	 * Applies a re-sync: adds and changes go in, removals too, except runners with
	 * photos, who stay until the organizer confirms.
	 * @param eventId the event
	 * @param actorId whom the audit log names (the event's owner)
	 * @param content the platform's runners as a plain CSV
	 * @param photos which bibs have photos
	 * @param source the platform's name, for the audit log
	 * @return what changed
	 */
	SyncOutcome sync(UUID eventId, UUID actorId, byte[] content, BibsWithPhotos photos, String source) {
		StartListPreview preview = preview(eventId, content);
		if (preview.fileProblem() != null) {
			throw new EventException(preview.fileProblem());
		}
		List<String> removedBibs = preview.removed().stream().map(Runner::bib).toList();
		java.util.Set<String> withPhotos = removedBibs.isEmpty() ? java.util.Set.of()
				: photos.among(eventId, removedBibs);
		List<Runner> kept = preview.removed().stream().filter((r) -> withPhotos.contains(r.bib())).toList();
		int removed = preview.removed().size() - kept.size();
		if (preview.added().isEmpty() && preview.changed().isEmpty() && removed == 0) {
			return new SyncOutcome(0, 0, 0, kept.stream().map(Runner::bib).toList());
		}
		List<Runner> list = new ArrayList<>(preview.runners());
		list.addAll(kept);
		this.repository.replace(eventId, list, this.clock.instant());
		this.events.audit(actorId, "startList.synced", eventId,
				source + " : +" + preview.added().size() + " ~" + preview.changed().size() + " -" + removed
						+ (kept.isEmpty() ? "" : ", " + kept.size() + " gardés (photos)"));
		return new SyncOutcome(preview.added().size(), preview.changed().size(), removed,
				kept.stream().map(Runner::bib).toList());
	}

	/**
	 * Removes runners whose removal the organizer confirmed.
	 * @param eventId the event
	 * @param accountId the owner
	 * @param bibs the bibs
	 */
	void removeAll(UUID eventId, UUID accountId, List<String> bibs) {
		this.events.owned(eventId, accountId);
		for (String bib : bibs) {
			this.repository.delete(eventId, bib);
		}
		if (!bibs.isEmpty()) {
			this.events.audit(accountId, "startList.runnerRemoved", eventId, String.join(", ", bibs));
		}
	}

	/**
	 * Reads a start-list file as an import would, without any event (for the evaluation
	 * tools, which check bib reading against a race's full start list).
	 * @param content the file
	 * @return the file's valid runners and its problems
	 */
	public static StartListPreview read(byte[] content) {
		StartListFile.Parsed parsed = StartListFile.read(content);
		return new StartListPreview(parsed.runners(), parsed.problems(), parsed.fileProblem(), List.of(), List.of(),
				List.of(), parsed.separator(), parsed.encoding());
	}

	/**
	 * Keeps a file for its preview page, so that the owner can apply it after looking.
	 * @param eventId the event
	 * @param accountId the caller
	 * @param fileName the file's name
	 * @param content the file
	 * @return the upload's id
	 */
	public UUID keepUpload(UUID eventId, UUID accountId, String fileName, byte[] content) {
		this.events.owned(eventId, accountId);
		return this.repository.storeUpload(eventId, fileName, content, this.clock.instant());
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> keptUpload(UUID eventId, UUID accountId, UUID uploadId) {
		this.events.owned(eventId, accountId);
		return this.repository.upload(eventId, uploadId);
	}

	/**
	 * The name of a kept file.
	 * @param eventId the event
	 * @param accountId the owner
	 * @param uploadId the kept file
	 * @return its name, empty when it is gone
	 */
	@Transactional(readOnly = true)
	public Optional<String> keptUploadName(UUID eventId, UUID accountId, UUID uploadId) {
		this.events.owned(eventId, accountId);
		return this.repository.uploadName(eventId, uploadId);
	}

	/**
	 * Applies a kept file.
	 * @param eventId the event
	 * @param accountId the caller
	 * @param uploadId the kept file
	 * @param validLinesOnly import the valid lines even when others are bad
	 * @return what was imported
	 */
	public StartListImport applyUpload(UUID eventId, UUID accountId, UUID uploadId, boolean validLinesOnly) {
		byte[] content = keptUpload(eventId, accountId, uploadId)
			.orElseThrow(() -> new EventException("startList.uploadGone"));
		StartListImport result = importFile(eventId, accountId, content, validLinesOnly);
		this.repository.deleteUpload(uploadId);
		return result;
	}

	/**
	 * The list as the caller may see it: the event's owner with the private fields
	 * (e-mail, birth year), a photographer of its team without them.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer)
	 * @return the runners
	 */
	@Transactional(readOnly = true)
	public List<Runner> list(UUID eventId, UUID accountId) {
		Event event = this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		List<Runner> runners = this.repository.all(eventId);
		if (event.ownerId().equals(accountId)) {
			return runners;
		}
		return runners.stream().map(Runner::withoutPrivateFields).toList();
	}

	/**
	 * The list of any event, for recognition and search inside the application.
	 * @param eventId the event
	 * @return the runners
	 */
	@Transactional(readOnly = true)
	public List<Runner> runnersOf(UUID eventId) {
		return this.repository.all(eventId);
	}

	@Transactional(readOnly = true)
	public int count(UUID eventId) {
		return this.repository.count(eventId);
	}

	/**
	 * The start-list runners of some events, for the dashboards.
	 * @param eventIds the events
	 * @return runners by event, for the events that have any
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, Long> counts(java.util.Collection<UUID> eventIds) {
		return eventIds.isEmpty() ? java.util.Map.of() : this.repository.counts(eventIds);
	}

	/**
	 * Adds or corrects one runner by hand.
	 * @param eventId the event
	 * @param accountId the owner
	 * @param runner the runner
	 */
	public void save(UUID eventId, UUID accountId, Runner runner) {
		this.events.owned(eventId, accountId);
		String bib = Bib.parse(runner.bib())
			.orElseThrow(() -> new EventException("startList.badBib", Bib.normalise(runner.bib())))
			.value();
		this.repository.save(eventId,
				new Runner(bib, blank(runner.firstName()), blank(runner.lastName()), runner.email(), runner.category(),
						runner.club(), runner.gender(), runner.birthYear(), runner.wave(), runner.chip()),
				this.clock.instant());
		this.events.audit(accountId, "startList.runnerSaved", eventId,
				bib + " " + blank(runner.firstName()) + " " + blank(runner.lastName()));
	}

	public boolean remove(UUID eventId, UUID accountId, String bib) {
		this.events.owned(eventId, accountId);
		boolean removed = this.repository.delete(eventId, bib);
		if (removed) {
			this.events.audit(accountId, "startList.runnerRemoved", eventId, bib);
		}
		return removed;
	}

	private static String blank(String value) {
		return (value != null) ? value.strip() : "";
	}

	/**
	 * Where a person is on the start lists, found by their address (for their
	 * personal-data requests).
	 * @param email the address
	 * @return the events and bibs
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public List<EntryRef> entriesOf(String email) {
		return this.repository.entriesOf(email);
	}

}
