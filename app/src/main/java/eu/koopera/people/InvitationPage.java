package eu.koopera.people;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of invitations, newest first, and how many match in all. */
@Serdeable
public record InvitationPage(List<InvitationResponse> items, int page, int size, long total) {
}
