package com.focusracer.privacy;

import java.io.IOException;
import java.util.List;

/**
 * What a module holds about a person, declared by each module that holds any: it answers
 * an access request with its part of the export and an erasure with its part of the
 * cascade. The privacy module reads no other module's tables; it calls these, in their
 * {@link org.springframework.core.annotation.Order order}.
 */
public interface PersonalData {

	/**
	 * The module's name in the export and the register, e.g. {@code shop}; an erasure
	 * that stopped resumes after the parts already recorded under it, so it never
	 * changes.
	 * @return the name
	 */
	String part();

	/**
	 * Writes what the module holds about the person.
	 * @param person the person
	 * @param export where to write it
	 * @throws IOException when writing fails
	 */
	void export(Person person, PersonalDataExport export) throws IOException;

	/**
	 * Erases what the module holds about the person, or anonymises what the law makes it
	 * keep, in the caller's transaction (the register records the step in the same one).
	 * Running it again after it ran changes nothing.
	 * @param erasure what to erase
	 * @return what was done, with counts
	 */
	List<Erased> erase(Erasure erasure);

	/**
	 * What keeps the person from deleting their account now (a pro who still runs
	 * events), as a message key.
	 * @param person the person
	 * @return the key, or empty when nothing does
	 */
	default java.util.Optional<String> deletionBlocker(Person person) {
		return java.util.Optional.empty();
	}

	/**
	 * One action of an erasure.
	 *
	 * @param action what was done, e.g. {@code orders anonymised}
	 * @param rows how many rows
	 */
	record Erased(String action, long rows) {
	}

}
