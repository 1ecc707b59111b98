package com.focusracer.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies every retention rule of the platform ({@link RetentionRule}, declared by each
 * module: face data past each event's date, sent e-mail bodies, abandoned upload parts,
 * unconfirmed requests and expired export links…) once a day, and writes one audit line
 * with the count of each rule. On several nodes, the first to start a day's run holds a
 * PostgreSQL advisory lock and the others, finding that day's line, skip it.
 */
@Service
public class RetentionSweep {

	/** The audit action of a run. */
	public static final String ACTION = "privacy.retention";

	private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

	// Any 64-bit key of our own: "FR-RETENTION".
	private static final long LOCK = 0x46525F5245544E4EL;

	private static final Duration ONE_RUN_PER = Duration.ofHours(20);

	private final List<RetentionRule> rules;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	RetentionSweep(List<RetentionRule> rules, AuditLog audit, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		this.rules = rules;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Checks every 6 hours (and a few minutes after start-up) whether the day's run is
	 * due.
	 */
	@Scheduled(initialDelayString = "${focusracer.privacy.retention-delay:PT3M}",
			fixedDelayString = "${focusracer.privacy.retention-every:PT6H}")
	void daily() {
		runIfDue();
	}

	/**
	 * Runs every rule unless a run was recorded in the last 20 hours.
	 * @return the counts by rule, or empty when this run was not due
	 */
	public Map<String, String> runIfDue() {
		Map<String, String> counts = this.transactions.execute((status) -> {
			if (!Boolean.TRUE.equals(
					this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single())) {
				return Map.<String, String>of();
			}
			long recent = this.jdbc.sql("select count(*) from audit_log where action = ? and at > ?")
				.params(ACTION, Timestamp.from(this.clock.instant().minus(ONE_RUN_PER)))
				.query(Long.class)
				.single();
			return (recent > 0) ? Map.<String, String>of() : apply();
		});
		return (counts != null) ? counts : Map.of();
	}

	/**
	 * Runs every rule now, and writes the audit line.
	 * @return the counts by rule
	 */
	public Map<String, String> run() {
		return this.transactions.execute((status) -> apply());
	}

	private Map<String, String> apply() {
		Map<String, String> counts = new LinkedHashMap<>();
		for (RetentionRule rule : this.rules) {
			try {
				// Each rule in its own transaction: one that fails undoes nothing of the
				// others.
				Long count = this.ownTransaction.execute((status) -> {
					try {
						return rule.apply();
					}
					catch (RuntimeException ex) {
						throw ex;
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex.getMessage(), ex);
					}
				});
				counts.put(rule.name(), String.valueOf(count));
			}
			catch (Exception ex) {
				log.warn("Retention rule {} failed", rule.name(), ex);
				counts.put(rule.name(), "failed: " + ex.getMessage());
			}
		}
		StringBuilder detail = new StringBuilder();
		counts.forEach((rule,
				count) -> detail.append((detail.length() > 0) ? "; " : "").append(rule).append(": ").append(count));
		this.audit.record(null, "system", ACTION, "retention", null, detail.toString());
		log.info("Retention sweep: {}", detail);
		return counts;
	}

	/**
	 * The latest runs, newest first.
	 * @param limit how many
	 * @return their audit lines
	 */
	public List<AuditEntry> latest(int limit) {
		return this.audit.find(new AuditLog.Query(null, null, null, ACTION), limit, 0);
	}

}
