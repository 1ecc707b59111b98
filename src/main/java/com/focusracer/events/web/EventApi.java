package com.focusracer.events.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventException;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Runner;
import com.focusracer.events.StartListImport;
import com.focusracer.events.StartListProblem;
import com.focusracer.events.StartListRejectedException;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events and start lists for uploader tools and partners: {@code /api/v1/events}.
 */
@RestController
class EventApi {

	private final EventManagement events;

	private final StartLists startLists;

	private final MessageSource messages;

	EventApi(EventManagement events, StartLists startLists, MessageSource messages) {
		this.events = events;
		this.startLists = startLists;
		this.messages = messages;
	}

	record NewEvent(String name, LocalDate date, String location, String sport, String description,
			Visibility visibility, Boolean faceSearch, Integer faceDataRetentionDays, String watermarkText,
			String primaryColor, String sponsorText, Boolean publicFullNames) {

		EventDraft draft() {
			return new EventDraft(this.name, this.date, this.location, this.sport, this.description, this.visibility,
					Boolean.TRUE.equals(this.faceSearch), this.faceDataRetentionDays, this.watermarkText,
					this.primaryColor, this.sponsorText, Boolean.TRUE.equals(this.publicFullNames));
		}

	}

	record EventView(String id, String slug, String name, LocalDate date, String location, String sport,
			String description, Visibility visibility, boolean faceSearch, int faceDataRetentionDays,
			LocalDate faceDataDeleteAfter, boolean archived, int startListCount) {
	}

	record StartListLine(String bib, String firstName, String lastName, String category, String club) {
	}

	record Rejected(int line, String message) {
	}

	record ImportView(int imported, List<Rejected> rejected) {
	}

	@PostMapping("/api/v1/events")
	ResponseEntity<EventView> create(@AuthenticationPrincipal AccountPrincipal principal, @RequestBody NewEvent body) {
		Event event = this.events.create(principal.id(), body.draft());
		return ResponseEntity.created(URI.create("/api/v1/events/" + event.id())).body(view(event));
	}

	@GetMapping("/api/v1/events")
	List<EventView> list(@AuthenticationPrincipal AccountPrincipal principal) {
		return this.events.forAccount(principal.id(), true).stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/events/{id}")
	EventView one(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		return view(
				this.events.find(id, principal.id()).orElseThrow(com.focusracer.events.EventNotFoundException::new));
	}

	@PutMapping(path = "/api/v1/events/{id}/start-list")
	ImportView importStartList(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestBody(required = false) byte[] csv, @RequestParam(required = false) String mode) {
		StartListImport result = this.startLists.importFile(id, principal.id(), (csv != null) ? csv : new byte[0],
				"valid-lines".equals(mode));
		return new ImportView(result.imported(), rejected(result.rejected()));
	}

	@GetMapping("/api/v1/events/{id}/start-list")
	List<StartListLine> startList(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		return this.startLists.list(id, principal.id())
			.stream()
			.map((Runner r) -> new StartListLine(r.bib(), r.firstName(), r.lastName(), r.category(), r.club()))
			.toList();
	}

	@ExceptionHandler(StartListRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(StartListRejectedException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		problem.setTitle("Start list not imported");
		if (ex.preview().fileProblem() != null) {
			problem.setDetail(english(ex.preview().fileProblem(), null) + " Nothing was imported.");
		}
		else {
			problem.setDetail(ex.problems().size() + " line(s) cannot be imported, so nothing was. Fix them, or send "
					+ "the file again with ?mode=valid-lines to import the valid lines only.");
			problem.setProperty("errors", rejected(ex.problems()));
		}
		return ResponseEntity.unprocessableEntity().body(problem);
	}

	@ExceptionHandler(EventException.class)
	ResponseEntity<ProblemDetail> invalid(EventException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.describe(this.messages, Locale.ENGLISH));
		String[] parts = ex.messageKey().split("\\.");
		if (parts.length == 3 && "event".equals(parts[0])) {
			problem.setProperty("errors", List.of(Map.of("field", fieldOf(parts[1]), "message", problem.getDetail())));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private static String fieldOf(String part) {
		return "retention".equals(part) ? "faceDataRetentionDays" : "color".equals(part) ? "primaryColor" : part;
	}

	private List<Rejected> rejected(List<StartListProblem> problems) {
		return problems.stream().map((p) -> new Rejected(p.line(), english(p.messageKey(), p.argument()))).toList();
	}

	private String english(String key, String argument) {
		return this.messages.getMessage(key, new Object[] { argument }, Locale.ENGLISH);
	}

	private EventView view(Event event) {
		return new EventView(event.id().toString(), event.slug(), event.name(), event.date(), event.location(),
				event.sport(), event.description(), event.visibility(), event.faceSearch(),
				event.faceDataRetentionDays(), event.faceDataDeleteAfter(), event.archived(),
				this.startLists.count(event.id()));
	}

}
