package com.focusracer.analytics.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.analytics.Chart;
import com.focusracer.analytics.EventStatistics;
import com.focusracer.analytics.Formats;
import com.focusracer.analytics.StatisticsCsv;
import com.focusracer.photos.PhotoFigures;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pros' statistics: one event's (for its owner and photographers; anyone else gets
 * 404, as on every page of the event) and the overview of their events, with CSV exports.
 */
@Controller
class StatisticsPages {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final EventStatistics statistics;

	private final MessageSource messages;

	private final Clock clock;

	StatisticsPages(EventStatistics statistics, MessageSource messages, Clock clock) {
		this.statistics = statistics;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/pro/events/{id}/stats")
	ModelAndView event(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id, Locale locale) {
		EventStatistics.Stats stats = this.statistics.of(id, principal.id(), today());
		Formats formats = new Formats(locale);
		List<String> labels = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		List<String> shown = new ArrayList<>();
		for (PhotoFigures.ByHour hour : stats.hours()) {
			labels.add(formats.day(hour.hour().toLocalDate()) + " " + "%02dh".formatted(hour.hour().getHour()));
			values.add(hour.photos());
			shown.add(formats.number(hour.photos()));
		}
		Chart hours = Chart.bars("chart-hours", this.messages.getMessage("stats.chart.hours", null, locale),
				this.messages.getMessage("stats.chart.hours.value", null, locale), labels, values, shown);
		List<String> dayLabels = stats.days().stream().map((day) -> formats.day(day.day())).toList();
		List<Long> dayValues = stats.days().stream().map((day) -> day.gmv()).toList();
		Chart sales = Chart.bars("chart-sales", this.messages.getMessage("stats.chart.sales", null, locale),
				this.messages.getMessage("stats.chart.sales.value", null, locale), dayLabels, dayValues,
				dayValues.stream().map(formats::money).toList());
		return new ModelAndView("analytics/event-stats",
				Map.of("stats", stats, "formats", formats, "charts", List.of(hours, sales)));
	}

	@GetMapping(path = "/pro/events/{id}/stats.csv", produces = "text/csv")
	void eventCsv(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			HttpServletResponse response) throws IOException {
		EventStatistics.Stats stats = this.statistics.of(id, principal.id(), today());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"stats-" + stats.event().slug() + ".csv\"");
		new StatisticsCsv(response.getWriter()).event(stats);
	}

	@GetMapping("/pro/stats")
	ModelAndView overview(@AuthenticationPrincipal AccountPrincipal principal, Locale locale) {
		return new ModelAndView("analytics/overview",
				Map.of("lines", this.statistics.overview(principal.id(), today()), "formats", new Formats(locale)));
	}

	@GetMapping(path = "/pro/stats.csv", produces = "text/csv")
	void overviewCsv(@AuthenticationPrincipal AccountPrincipal principal, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"stats.csv\"");
		new StatisticsCsv(response.getWriter()).overview(this.statistics.overview(principal.id(), today()));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), PARIS);
	}

}
