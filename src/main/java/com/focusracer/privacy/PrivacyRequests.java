package com.focusracer.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusracer.privacy.internal.PrivacyMails;
import com.focusracer.privacy.internal.RequestRepository;
import com.focusracer.privacy.internal.Secrets;
import com.focusracer.shared.EmailAddress;
import com.focusracer.shared.SiteUrl;
import com.focusracer.shared.UserMistakeException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal-data requests: filed from an account (identity proved by the session) or by a
 * guest (proved by following a link sent to the address), each with a reference, an
 * acknowledgement e-mail and a deadline of one month from the day identity was checked.
 */
@Service
@Transactional
public class PrivacyRequests {

	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private static final Pattern PHOTO_PAGE = Pattern
		.compile("(?:https?://[^/\\s]+)?(/events/[A-Za-z0-9-]{1,120}/photos/[0-9a-fA-F-]{36})/?");

	private final RequestRepository requests;

	private final PrivacyMails mails;

	private final PrivacyProperties properties;

	private final AuditLog audit;

	private final SiteUrl site;

	private final Clock clock;

	PrivacyRequests(RequestRepository requests, PrivacyMails mails, PrivacyProperties properties, AuditLog audit,
			SiteUrl site, Clock clock) {
		this.requests = requests;
		this.mails = mails;
		this.properties = properties;
		this.audit = audit;
		this.site = site;
		this.clock = clock;
	}

	/**
	 * Files a request from a signed-in account: identity is proved by the session, the
	 * deadline starts now and the acknowledgement goes to the account's address.
	 * @param person the signed-in person
	 * @param type what is asked
	 * @param details what they write, may be blank
	 * @param photoLinks photo pages, one a line, may be blank
	 * @param locale the language of the e-mails
	 * @return the request
	 */
	public PrivacyRequest fileSignedIn(Person person, RequestType type, String details, String photoLinks,
			Locale locale) {
		Person requester = new Person(person.accountId(), person.email(), person.name(), language(locale));
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		this.requests.insert(new RequestRepository.NewRequest(id, newReference(), require(type), RequestStatus.RECEIVED,
				requester, PrivacyRequest.IdentityCheck.SIGNED_IN, details(details), photoLinks(type, photoLinks), null,
				null, now, dueFrom(now)));
		PrivacyRequest request = this.requests.find(id).orElseThrow();
		this.audit.record(person.accountId(), null, "privacy.request.filed", "privacy_request", id.toString(),
				request.reference() + " " + type.name());
		this.mails.acknowledgement(request);
		return request;
	}

	/**
	 * Records an erasure decided now (an account deleted by its owner or an admin):
	 * received and acknowledged by the erasure's own notice.
	 * @param person whose account
	 * @param check how the decision was checked
	 * @param details why
	 * @return the request
	 */
	PrivacyRequest recordErasure(Person person, PrivacyRequest.IdentityCheck check, String details) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		this.requests.insert(new RequestRepository.NewRequest(id, newReference(), RequestType.ERASURE,
				RequestStatus.RECEIVED, person, check, details, null, null, null, now, dueFrom(now)));
		return this.requests.find(id).orElseThrow();
	}

	/**
	 * Files a guest's request: nothing counts until the link sent to the address is
	 * followed. The reply is the same whatever the address.
	 * @param email the address
	 * @param name the name they give, may be blank
	 * @param type what is asked
	 * @param details what they write, may be blank
	 * @param photoLinks photo pages, one a line, may be blank
	 * @param locale the language of the e-mails
	 */
	public void fileAsGuest(String email, String name, RequestType type, String details, String photoLinks,
			Locale locale) {
		String address = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
		if (!EmailAddress.isWellFormed(address)) {
			throw new UserMistakeException("email.invalid");
		}
		String given = (name != null && !name.isBlank()) ? name.strip() : null;
		if (given != null && given.length() > 100) {
			throw new UserMistakeException("name.invalid", 100);
		}
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		String secret = Secrets.newSecret();
		this.requests.insert(new RequestRepository.NewRequest(id, newReference(), require(type),
				RequestStatus.AWAITING_CONFIRMATION, new Person(null, address, given, language(locale)),
				PrivacyRequest.IdentityCheck.EMAIL_LINK, details(details), photoLinks(type, photoLinks),
				Secrets.sha256(secret), now.plus(this.properties.confirmLinkValidity()), now, null));
		this.mails.confirmation(address, this.requests.find(id).orElseThrow(), secret);
	}

	/**
	 * Confirms a guest's request from the link sent to the address: the deadline starts
	 * and the acknowledgement is sent.
	 * @param secret the link's secret
	 * @return the request, or empty when the link is unknown, used or expired
	 */
	public Optional<PrivacyRequest> confirm(String secret) {
		if (secret == null || secret.isBlank() || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<PrivacyRequest> confirmed = this.requests.confirm(Secrets.sha256(secret), now, dueFrom(now));
		confirmed.ifPresent((request) -> {
			this.audit.record(null, null, "privacy.request.filed", "privacy_request", request.id().toString(),
					request.reference() + " " + request.type().name());
			this.mails.acknowledgement(request);
		});
		return confirmed;
	}

	/**
	 * The requests of an account, newest first.
	 * @param accountId the account
	 * @return its requests
	 */
	@Transactional(readOnly = true)
	public List<PrivacyRequest> ofAccount(UUID accountId) {
		return this.requests.ofAccount(accountId);
	}

	/**
	 * One request.
	 * @param id its id
	 * @return the request
	 */
	@Transactional(readOnly = true)
	public Optional<PrivacyRequest> find(UUID id) {
		return this.requests.find(id);
	}

	/**
	 * The register: every request whose identity was checked, newest first.
	 * @param status only this status, or {@code null} for all
	 * @param limit how many at most
	 * @return the requests
	 */
	@Transactional(readOnly = true)
	public List<PrivacyRequest> register(RequestStatus status, int limit) {
		return this.requests.register(status, limit);
	}

	/**
	 * The photo pages a request names, as ids of photos.
	 * @param request the request
	 * @return the photo ids
	 */
	public static Set<UUID> photoIds(PrivacyRequest request) {
		Set<UUID> ids = new LinkedHashSet<>();
		for (String link : request.photoLinks()) {
			String id = link.substring(link.lastIndexOf('/') + 1);
			try {
				ids.add(UUID.fromString(id));
			}
			catch (IllegalArgumentException ex) {
				// checked when filed: cannot happen
			}
		}
		return ids;
	}

	Instant dueFrom(Instant received) {
		return received.atZone(ZONE).plusMonths(1).toInstant();
	}

	private String newReference() {
		String reference = Secrets.newReference();
		while (this.requests.referenceTaken(reference)) {
			reference = Secrets.newReference();
		}
		return reference;
	}

	private static RequestType require(RequestType type) {
		if (type == null) {
			throw new UserMistakeException("privacy.type.missing");
		}
		return type;
	}

	private String details(String details) {
		String text = (details != null) ? details.strip() : "";
		if (text.length() > this.properties.detailsMaxLength()) {
			throw new UserMistakeException("privacy.details.tooLong", this.properties.detailsMaxLength());
		}
		return text.isEmpty() ? null : text;
	}

	private String photoLinks(RequestType type, String text) {
		List<String> links = new ArrayList<>();
		for (String line : ((text != null) ? text : "").split("[\\r\\n]+")) {
			String link = line.strip();
			if (link.isEmpty()) {
				continue;
			}
			Matcher matcher = PHOTO_PAGE.matcher(link);
			if (link.length() > 300 || !matcher.matches()) {
				throw new UserMistakeException("privacy.links.invalid", link.substring(0, Math.min(80, link.length())));
			}
			String page = this.site.root() + matcher.group(1).toLowerCase(Locale.ROOT);
			if (!links.contains(page)) {
				links.add(page);
			}
		}
		if (links.size() > this.properties.photoLinksMax()) {
			throw new UserMistakeException("privacy.links.tooMany", this.properties.photoLinksMax());
		}
		if (type == RequestType.PHOTO_WITHDRAWAL && links.isEmpty()) {
			throw new UserMistakeException("privacy.links.missing");
		}
		return links.isEmpty() ? null : String.join("\n", links);
	}

	private static String language(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage())) ? "en" : "fr";
	}

}
