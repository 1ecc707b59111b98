package com.focusracer.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.privacy.internal.PrivacyMails;
import com.focusracer.privacy.internal.RequestRepository;
import com.focusracer.privacy.internal.Secrets;
import com.focusracer.privacy.internal.StepRepository;
import com.focusracer.privacy.internal.ZipExport;
import com.focusracer.shared.UserMistakeException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access and portability exports: a ZIP (JSON, and CSV for the tables) of what every
 * module holds about the person, made while it is downloaded, by a link sent to the
 * verified address that works once and expires. The register keeps the export's SHA-256,
 * never the export.
 */
@Service
public class PrivacyExports {

	private final RequestRepository requests;

	private final StepRepository steps;

	private final List<PersonalData> parts;

	private final PersonDirectory people;

	private final PrivacyMails mails;

	private final PrivacyProperties properties;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PrivacyExports(RequestRepository requests, StepRepository steps, List<PersonalData> parts, PersonDirectory people,
			PrivacyMails mails, PrivacyProperties properties, AuditLog audit, TransactionTemplate transactions,
			Clock clock) {
		this.requests = requests;
		this.steps = steps;
		this.parts = parts;
		this.people = people;
		this.mails = mails;
		this.properties = properties;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Sends the link to the export to the requester's verified address.
	 * @param id an open access or portability request
	 * @param operator the admin
	 */
	public void sendLink(UUID id, Person operator) {
		this.transactions.executeWithoutResult((status) -> {
			PrivacyRequest request = this.requests.find(id)
				.filter((r) -> r.status().open() && r.type().exports() && r.email() != null)
				.orElseThrow(() -> new UserMistakeException("privacy.export.notExportable"));
			Instant now = this.clock.instant();
			String secret = Secrets.newSecret();
			Instant expires = now.plus(this.properties.exportLinkValidity());
			this.requests.setExportLink(id, Secrets.sha256(secret), expires);
			this.requests.setStatus(id, RequestStatus.IN_PROGRESS, operator.accountId(), operator.email());
			this.audit.record(operator.accountId(), operator.email(), "privacy.export.sent", "privacy_request",
					id.toString(), request.reference());
			this.mails.exportReady(request, secret, expires);
		});
	}

	/**
	 * Opens an export link, once.
	 * @param secret the link's secret
	 * @return the request, or empty when the link is unknown, used or expired
	 */
	public Optional<PrivacyRequest> claim(String secret) {
		if (secret == null || secret.length() > 100) {
			return Optional.empty();
		}
		return this.transactions
			.execute((status) -> this.requests.claimExport(Secrets.sha256(secret), this.clock.instant()));
	}

	/**
	 * Writes the export of a claimed request, then records its SHA-256 and closes the
	 * request.
	 * @param request the request, from {@link #claim(String)}
	 * @param out where the ZIP goes
	 * @throws IOException when writing fails
	 */
	public void write(PrivacyRequest request, OutputStream out) throws IOException {
		Person person = personOf(request, this.people);
		MessageDigest digest = Secrets.digest();
		ZipExport zip = new ZipExport(new DigestOutputStream(out, digest));
		Map<String, Object> index = new LinkedHashMap<>();
		index.put("reference", request.reference());
		index.put("type", request.type().name());
		index.put("email", person.email());
		index.put("generatedAt", this.clock.instant().toString());
		index.put("parts", this.parts.stream().map(PersonalData::part).toList());
		zip.root("index.json", index);
		for (PersonalData part : this.parts) {
			zip.startPart(part.part());
			this.transactions.executeWithoutResult((status) -> {
				try {
					part.export(person, zip);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
		zip.finish();
		String sha256 = java.util.HexFormat.of().formatHex(digest.digest());
		this.transactions.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			this.requests.setExportHash(request.id(), sha256);
			this.steps.record(request.id(), "privacy", "export downloaded", this.parts.size(), "sha256 " + sha256, now);
			this.requests.close(request.id(), RequestStatus.DONE, "ZIP (JSON, CSV) by a one-time link", null,
					this.requests.operatorId(request.id()), request.operatorEmail(), now);
			this.audit.record(null, null, "privacy.export.downloaded", "privacy_request", request.id().toString(),
					request.reference() + " sha256 " + sha256);
		});
	}

	/**
	 * The person a request is about: the account at the verified address, if any.
	 * @param request the request
	 * @param people who has an account
	 * @return the person
	 */
	static Person personOf(PrivacyRequest request, PersonDirectory people) {
		return people.byEmail(request.email())
			.orElseGet(() -> new Person(request.accountId(), request.email(), request.name(), request.language()));
	}

}
