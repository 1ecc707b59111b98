package com.focusracer.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.privacy.internal.ErasureRepository;
import com.focusracer.privacy.internal.PrivacyMails;
import com.focusracer.privacy.internal.RequestRepository;
import com.focusracer.privacy.internal.StepRepository;
import com.focusracer.shared.UserMistakeException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The erasure cascade: one command per request, carried out part by part by each module
 * that holds personal data ({@link PersonalData}), in their order. Each part runs in its
 * own transaction, which also records it in the register; a part already recorded is
 * never run again, so an erasure stopped by a crash resumes at the next part (the sweep
 * finds it; whichever node gets the row lock runs it). The requester is told before the
 * e-mails to them are deleted.
 */
@Service
public class PrivacyErasures {

	static final String NOTICE = "notice";

	private static final Logger log = LoggerFactory.getLogger(PrivacyErasures.class);

	private static final Duration RESUME_AFTER = Duration.ofMinutes(2);

	private final RequestRepository requests;

	private final ErasureRepository erasures;

	private final StepRepository steps;

	private final List<PersonalData> parts;

	private final PersonDirectory people;

	private final PrivacyRequests filing;

	private final PrivacyMails mails;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PrivacyErasures(RequestRepository requests, ErasureRepository erasures, StepRepository steps,
			List<PersonalData> parts, PersonDirectory people, PrivacyRequests filing, PrivacyMails mails,
			AuditLog audit, TransactionTemplate transactions, Clock clock) {
		this.filing = filing;
		this.requests = requests;
		this.erasures = erasures;
		this.steps = steps;
		this.parts = parts;
		this.people = people;
		this.mails = mails;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Starts the erasure of an open erasure or photo-withdrawal request and runs it to
	 * the end.
	 * @param id the request
	 * @param operator the admin
	 */
	public void start(UUID id, Person operator) {
		this.transactions.executeWithoutResult((status) -> {
			PrivacyRequest request = this.requests.find(id)
				.filter((r) -> r.status().open() && r.email() != null && PrivacyErasures.carriedOut(r.type()))
				.orElseThrow(() -> new UserMistakeException("privacy.erasure.notErasable"));
			// Who the person is must outlive their account: the request keeps it until
			// the
			// last part.
			Person person = PrivacyExports.personOf(request, this.people);
			this.erasures.begin(id, person, operator, this.clock.instant());
			this.audit.record(operator.accountId(), operator.email(), "privacy.erasure.started", "privacy_request",
					id.toString(), request.reference());
		});
		resume(id);
	}

	/**
	 * Whether a request of a type is carried out by the cascade.
	 * @param type the type
	 * @return true for erasure, photo withdrawal and objection to face recognition
	 */
	public static boolean carriedOut(RequestType type) {
		return type == RequestType.ERASURE || type == RequestType.PHOTO_WITHDRAWAL || type == RequestType.OBJECTION;
	}

	/**
	 * Deletes one's own account: the password again, nothing that blocks it (a pro's
	 * running events), then the whole cascade at once.
	 * @param person the signed-in person
	 * @param password their password, typed again
	 * @return the request that records it
	 */
	public PrivacyRequest deleteOwnAccount(Person person, String password) {
		if (!person.hasAccount() || !this.people.passwordMatches(person.accountId(), password)) {
			throw new UserMistakeException("settings.currentPasswordWrong");
		}
		return deleteAccount(person, PrivacyRequest.IdentityCheck.PASSWORD, "account deleted by its owner",
				new Person(null, "self-service", null, person.language()));
	}

	/**
	 * Deletes an account from the back office, with the whole cascade.
	 * @param email the account's address
	 * @param admin the admin
	 * @return the request that records it
	 */
	public PrivacyRequest deleteAccountAsAdmin(String email, Person admin) {
		Person person = this.people.byEmail(email)
			.orElseThrow(() -> new UserMistakeException("admin.accounts.notFound"));
		if (person.accountId().equals(admin.accountId())) {
			throw new UserMistakeException("admin.accounts.notYourself");
		}
		return deleteAccount(person, PrivacyRequest.IdentityCheck.ADMIN, "account deleted by an admin", admin);
	}

	private PrivacyRequest deleteAccount(Person person, PrivacyRequest.IdentityCheck check, String why,
			Person operator) {
		for (PersonalData part : this.parts) {
			part.deletionBlocker(person).ifPresent((key) -> {
				throw new UserMistakeException(key);
			});
		}
		PrivacyRequest request = this.transactions.execute((status) -> this.filing.recordErasure(person, check, why));
		start(request.id(), operator);
		return request;
	}

	/**
	 * Runs the parts of an erasure not yet recorded, then closes the request.
	 * @param id the request
	 * @return whether it is now finished
	 */
	public boolean resume(UUID id) {
		for (PersonalData part : this.parts) {
			if ("mail".equals(part.part())) {
				run(id, NOTICE, (erasure, request) -> {
					this.mails.done(request, summary(id));
					return List.of(new PersonalData.Erased("requester told", 1));
				});
			}
			run(id, part.part(), (erasure, request) -> part.erase(erasure));
		}
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			PrivacyRequest request = this.erasures.lock(id).orElse(null);
			if (request == null || request.status() != RequestStatus.IN_PROGRESS) {
				return request != null;
			}
			this.requests.close(id, RequestStatus.DONE, "e-mail", null, this.requests.operatorId(id),
					request.operatorEmail(), this.clock.instant());
			this.erasures.finish(id);
			this.audit.record(null, null, "privacy.erasure.done", "privacy_request", id.toString(),
					request.reference());
			return true;
		}));
	}

	/**
	 * Resumes the erasures that stopped (their node died), on whichever node is first.
	 */
	@Scheduled(initialDelayString = "${focusracer.privacy.resume-delay:PT1M}",
			fixedDelayString = "${focusracer.privacy.resume-every:PT1M}")
	void resumeStopped() {
		for (UUID id : this.erasures.stopped(this.clock.instant().minus(RESUME_AFTER))) {
			try {
				resume(id);
			}
			catch (RuntimeException ex) {
				log.warn("Erasure of request {} stopped again: {}", id, ex.toString());
			}
		}
	}

	private interface Step {

		List<PersonalData.Erased> run(Erasure erasure, PrivacyRequest request);

	}

	private void run(UUID id, String part, Step step) {
		this.transactions.executeWithoutResult((status) -> {
			// The lock makes a second node wait, then find the part done.
			PrivacyRequest request = this.erasures.lock(id).orElseThrow();
			if (request.status() != RequestStatus.IN_PROGRESS || this.steps.donePart(id, part)) {
				return;
			}
			Erasure erasure = this.erasures.erasureOf(request);
			List<PersonalData.Erased> done = step.run(erasure, request);
			Instant now = this.clock.instant();
			if (done.isEmpty()) {
				this.steps.record(id, part, "nothing held", 0, null, now);
			}
			for (PersonalData.Erased action : done) {
				this.steps.record(id, part, action.action(), action.rows(), null, now);
			}
			this.erasures.touch(id, now);
		});
	}

	private String summary(UUID id) {
		StringBuilder summary = new StringBuilder();
		for (RequestStep step : this.steps.of(id)) {
			if (step.rows() > 0) {
				summary.append("- ")
					.append(step.part())
					.append(": ")
					.append(step.action())
					.append(" (")
					.append(step.rows())
					.append(")\n");
			}
		}
		return summary.toString().strip();
	}

}
