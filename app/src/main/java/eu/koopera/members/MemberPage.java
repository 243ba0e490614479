package eu.koopera.members;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of members and how many match in all. */
@Serdeable
public record MemberPage(List<MemberResponse> items, int page, int size, long total) {
}
