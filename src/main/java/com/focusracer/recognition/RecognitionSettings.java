package com.focusracer.recognition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.privacy.AuditLog;
import com.focusracer.shared.UserMistakeException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's recognition settings that admins change at runtime (/admin/ai): bib
 * confidence thresholds, whether face features are allowed, the provider. What an admin
 * did not set keeps the code's default ({@link BibReader.Settings#DEFAULTS}, or
 * {@code focusracer.recognition.provider}). Every node reads the table, at most
 * {@link #FRESHNESS} late; every change is audited with before and after.
 */
@Service
public class RecognitionSettings {

	/** How long a node keeps the settings it read before reading them again. */
	static final Duration FRESHNESS = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final RecognitionProperties properties;

	private final RekognitionProperties aws;

	private final Clock clock;

	private volatile AiSettings cached;

	private volatile Instant cachedAt = Instant.MIN;

	RecognitionSettings(JdbcClient jdbc, AuditLog audit, RecognitionProperties properties, RekognitionProperties aws,
			Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
		this.aws = aws;
		this.clock = clock;
	}

	/**
	 * The settings that apply when nothing was changed at runtime.
	 * @return the defaults
	 */
	public AiSettings defaults() {
		BibReader.Settings bib = BibReader.Settings.DEFAULTS;
		return new AiSettings(bib.minimumConfidence(), bib.startListConfidence(), true,
				this.properties.provider().toLowerCase(java.util.Locale.ROOT));
	}

	/**
	 * The settings in force.
	 * @return the settings
	 */
	public AiSettings current() {
		Instant now = this.clock.instant();
		AiSettings settings = this.cached;
		if (settings == null || this.cachedAt.plus(FRESHNESS).isBefore(now)) {
			settings = read();
			this.cached = settings;
			this.cachedAt = now;
		}
		return settings;
	}

	/**
	 * Whether AWS Rekognition can be chosen: configured with keys or an endpoint, or
	 * already the configured provider.
	 * @return true when AWS may be chosen
	 */
	public boolean awsConfigured() {
		return "aws".equalsIgnoreCase(this.properties.provider()) || this.aws.accessKey() != null
				|| this.aws.endpoint() != null;
	}

	/**
	 * Whether an event's face features are on: its organizer turned them on and the
	 * platform allows them.
	 * @param event the event
	 * @return true when faces may be detected, kept and compared
	 */
	public boolean facesOn(Event event) {
		return event.faceSearch() && current().faceFeaturesAllowed();
	}

	/**
	 * Changes the settings, audited with before and after.
	 * @param admin the admin
	 * @param wanted the new settings
	 * @return the settings now in force
	 * @throws UserMistakeException when a threshold is out of range or AWS is not
	 * configured
	 */
	@Transactional
	public AiSettings change(AccountPrincipal admin, AiSettings wanted) {
		for (double threshold : new double[] { wanted.minimumConfidence(), wanted.startListConfidence() }) {
			if (Double.isNaN(threshold) || threshold < AiSettings.LOWEST || threshold > AiSettings.HIGHEST) {
				throw new UserMistakeException("ai.threshold.range", AiSettings.LOWEST, AiSettings.HIGHEST);
			}
		}
		String provider = wanted.provider().toLowerCase(java.util.Locale.ROOT);
		if (!provider.equals("local") && !provider.equals("aws")) {
			throw new UserMistakeException("ai.provider.unknown");
		}
		if (provider.equals("aws") && !awsConfigured()) {
			throw new UserMistakeException("ai.provider.awsMissing");
		}
		AiSettings before = read();
		AiSettings after = new AiSettings(wanted.minimumConfidence(), wanted.startListConfidence(),
				wanted.faceFeaturesAllowed(), provider);
		AiSettings defaults = defaults();
		Map<String, Object[]> values = new HashMap<>();
		values.put("minimumConfidence", new Object[] { after.minimumConfidence(), defaults.minimumConfidence() });
		values.put("startListConfidence", new Object[] { after.startListConfidence(), defaults.startListConfidence() });
		values.put("faceFeaturesAllowed", new Object[] { after.faceFeaturesAllowed(), defaults.faceFeaturesAllowed() });
		values.put("provider", new Object[] { after.provider(), defaults.provider() });
		Instant now = this.clock.instant();
		values.forEach((name, pair) -> {
			if (pair[0].equals(pair[1])) {
				// Back to the default: it follows the code (and application.yml) again.
				this.jdbc.sql("delete from recognition_setting where name = ?").param(name).update();
			}
			else {
				this.jdbc.sql("""
						insert into recognition_setting (name, value, updated_at, updated_by) values (?, ?, ?, ?)
						on conflict (name) do update set value = excluded.value, updated_at = excluded.updated_at,
						                                 updated_by = excluded.updated_by""")
					.params(name, String.valueOf(pair[0]), Timestamp.from(now), admin.id())
					.update();
			}
		});
		String changes = after.changesFrom(before);
		if (!changes.isEmpty()) {
			this.audit.record(admin.id(), admin.email(), "AI_SETTINGS_CHANGED", "settings", "recognition", changes);
		}
		this.cached = null;
		return after;
	}

	private AiSettings read() {
		Map<String, String> rows = new HashMap<>();
		this.jdbc.sql("select name, value from recognition_setting")
			.query((rs, row) -> rows.put(rs.getString(1), rs.getString(2)))
			.list();
		AiSettings defaults = defaults();
		String provider = rows.getOrDefault("provider", defaults.provider());
		if ("aws".equals(provider) && !awsConfigured()) {
			provider = "local";
		}
		return new AiSettings(number(rows.get("minimumConfidence"), defaults.minimumConfidence()),
				number(rows.get("startListConfidence"), defaults.startListConfidence()),
				(rows.containsKey("faceFeaturesAllowed")) ? Boolean.parseBoolean(rows.get("faceFeaturesAllowed"))
						: defaults.faceFeaturesAllowed(),
				provider);
	}

	private static double number(String value, double fallback) {
		return (value != null) ? Double.parseDouble(value) : fallback;
	}

}
