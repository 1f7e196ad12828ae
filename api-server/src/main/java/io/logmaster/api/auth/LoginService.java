package io.logmaster.api.auth;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Checks a username and password and issues a token. */
@Service
class LoginService {

    private final UserStore users;
    private final TokenService tokens;
    private final PasswordEncoder encoder;

    /**
     * Compared against when the user does not exist, so an unknown user costs the same BCrypt work
     * as a wrong password and response times do not reveal which usernames exist.
     */
    private final String dummyHash;

    LoginService(UserStore users, TokenService tokens, PasswordEncoder encoder) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("logmaster-dummy-password-for-timing");
    }

    record LoginResult(UserAccount user, TokenService.IssuedToken token) {}

    LoginResult login(String username, String password) {
        var account = users.findByUsername(username);
        if (account.isEmpty()) {
            encoder.matches(password, dummyHash);
            throw new InvalidCredentialsException();
        }
        UserAccount user = account.get();
        if (!encoder.matches(password, user.passwordHash()) || user.disabled()) {
            throw new InvalidCredentialsException();
        }
        return new LoginResult(user, tokens.issue(user));
    }
}
