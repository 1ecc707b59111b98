package com.focusracer.recognition;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.focusracer.events.EventNotFoundException;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoLabels.Link;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.privacy.AuditLog;
import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.recognition.internal.Linker;
import com.focusracer.recognition.internal.RecognitionRepository;
import com.focusracer.shared.Bib;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bibs decided by people rather than read: the team sets a photo's bibs by hand, a runner
 * says "this is me" or "not me". A manual decision wins over automatic links and survives
 * re-processing.
 */
@Service
public class BibCorrections {

	private final RecognitionRepository repository;

	private final Linker linker;

	private final PhotoManagement photos;

	private final RecognitionManagement recognition;

	private final Clock clock;

	private final AuditLog audit;

	private final AccountManagement accounts;

	BibCorrections(RecognitionRepository repository, Linker linker, PhotoManagement photos,
			RecognitionManagement recognition, Clock clock, AuditLog audit, AccountManagement accounts) {
		this.repository = repository;
		this.linker = linker;
		this.photos = photos;
		this.recognition = recognition;
		this.clock = clock;
		this.audit = audit;
		this.accounts = accounts;
	}

	/**
	 * Sets the bibs of a photo by hand: the given bibs are linked (source MANUAL), every
	 * other bib linked before is removed and stays removed through re-processing; then
	 * the photo's burst is linked again.
	 * @param photoId the photo
	 * @param accountId the caller (owner or photographer of the event)
	 * @param bibs the bibs on the photo
	 * @return the photo's links afterwards
	 */
	@Transactional
	public List<Link> correctBibs(UUID photoId, UUID accountId, Collection<String> bibs) {
		Photo photo = this.photos.find(photoId, accountId).orElseThrow(EventNotFoundException::new);
		Set<String> wanted = new LinkedHashSet<>();
		for (String bib : bibs) {
			wanted.add(clean(bib));
		}
		Set<String> before = this.repository.links(photoId)
			.stream()
			.map(RecognitionRepository.StoredLink::bib)
			.collect(Collectors.toSet());
		before.addAll(this.repository.manual(photoId).keySet());
		for (String bib : before) {
			if (!wanted.contains(bib)) {
				this.repository.setManual(photoId, photo.eventId(), bib, false, accountId, this.clock.instant());
			}
		}
		for (String bib : wanted) {
			this.repository.setManual(photoId, photo.eventId(), bib, true, accountId, this.clock.instant());
		}
		this.linker.linkWithBurst(photo);
		List<String> was = before.stream().sorted().toList();
		this.audit.record(accountId, this.accounts.find(accountId).map(Account::email).orElse(null),
				"photo.bibsCorrected", "photo", photoId.toString(), photo.eventId(),
				photo.fileName() + " : " + (was.isEmpty() ? "—" : String.join(" ", was)) + " → "
						+ (wanted.isEmpty() ? "—" : String.join(" ", wanted)));
		return this.recognition.links(photoId);
	}

	/**
	 * A runner says whether they are on a photo: their bib is linked to it (or unlinked
	 * from it) as a manual decision, which wins over automatic links and survives
	 * re-processing; then the photo's burst is linked again.
	 * @param photoId the photo (the caller checked the runner may see it)
	 * @param bib the runner's bib
	 * @param present true for "this is me", false for "not me"
	 * @param accountId the runner
	 * @return the photo's links afterwards
	 */
	@Transactional
	public List<Link> runnerSays(UUID photoId, String bib, boolean present, UUID accountId) {
		Photo photo = this.photos.get(photoId).orElseThrow(EventNotFoundException::new);
		String clean = clean(bib);
		this.repository.setManual(photoId, photo.eventId(), clean, present, accountId, this.clock.instant());
		this.linker.linkWithBurst(photo);
		return this.recognition.links(photoId);
	}

	private static String clean(String bib) {
		return Bib.of(bib, "recognition.badBib").value();
	}

}
