package com.focusracer.recognition;

import java.awt.Color;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The team's photo page draws the numbers read on the photo (box, number, verdict,
 * confidence) as server-side SVG over the image: why a bib was or was not linked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadsOverlayIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	PhotosTestUtils photos;

	@Autowired
	RecognitionManagement recognition;

	@Test
	void drawsEachReadOverThePhotoWithItsNumberVerdictAndConfidence() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		UUID photo = this.photos
			.publish(event.id(), photographer.id(), Photos.aRunner(1800, 1200, "1975", new Color(30, 60, 170), 1))
			.get(0);
		var read = this.recognition.reads(photo).get(0);
		String page = this.mvc
			.perform(get("/pro/photos/" + photo).session(AccountsTestUtils.logIn(this.mvc, photographer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<svg class=\"reads-overlay\"")
			.contains("<g class=\"read read-READ\" data-bib=\"1975\">")
			.contains("<rect x=\"" + Math.round(read.box()[0] * 1000) + "\" y=\"" + Math.round(read.box()[1] * 1000)
					+ "\"")
			.contains("1975 · lu · " + Math.round(read.confidence() * 100) + " %")
			.contains("id=\"reads-table\"");
	}

}
