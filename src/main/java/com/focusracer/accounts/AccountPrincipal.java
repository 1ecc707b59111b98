package com.focusracer.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security holds it. It remembers the account's session
 * version at login: when the account's version moves on (logout elsewhere, disable, role
 * or password change), this session ends.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID id;

	private final String email;

	private final String displayName;

	private final Role role;

	private final boolean enabled;

	private final boolean emailVerified;

	private final int sessionVersion;

	private String passwordHash;

	public AccountPrincipal(Account account, String passwordHash, int sessionVersion) {
		this.id = account.id();
		this.email = account.email();
		this.displayName = account.displayName();
		this.role = account.role();
		this.enabled = account.enabled();
		this.emailVerified = account.emailVerified();
		this.sessionVersion = sessionVersion;
		this.passwordHash = passwordHash;
	}

	public UUID id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public int sessionVersion() {
		return this.sessionVersion;
	}

	public boolean emailVerified() {
		return this.emailVerified;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
