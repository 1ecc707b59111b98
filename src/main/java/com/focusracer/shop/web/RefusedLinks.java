package com.focusracer.shop.web;

import java.util.Map;

import com.focusracer.shared.web.Ui;
import com.focusracer.shop.Downloads;
import com.focusracer.shop.ShopProperties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page of an order key or download link that does not open: why, in the reader's
 * language, and what to do.
 */
@ControllerAdvice(assignableTypes = { ShopPages.class, DownloadPages.class })
class RefusedLinks {

	private final MessageSource messages;

	private final ShopProperties properties;

	RefusedLinks(MessageSource messages, ShopProperties properties) {
		this.messages = messages;
		this.properties = properties;
	}

	@ExceptionHandler(Downloads.RefusedException.class)
	ModelAndView refused(Downloads.RefusedException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return new ModelAndView("shop/refused", Map.of("ui", Ui.of(this.messages, request), "reason",
				ex.reason().name(), "supportEmail", this.properties.supportEmail()));
	}

}
