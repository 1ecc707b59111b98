package com.focusracer.accounts;

/**
 * What a new password did besides: every other session ended, and every API token of the
 * account was revoked (a token made with the old password must not outlive it).
 *
 * @param account the account
 * @param revokedTokens how many API tokens were revoked
 */
public record PasswordChanged(Account account, int revokedTokens) {

}
