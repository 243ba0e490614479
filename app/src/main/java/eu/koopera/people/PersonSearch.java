package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;

/**
 * What to look for among people; both criteria are optional.
 *
 * @param text     words each found in the name, email or position, or in the member organisation's name or code,
 *                 without regard to case or accents
 * @param memberId only people of this member organisation
 */
public record PersonSearch(@Nullable String text, @Nullable Long memberId) {

    public static PersonSearch all() {
        return new PersonSearch(null, null);
    }

    PersonSearch ofMember(Long onlyMemberId) {
        return new PersonSearch(text, onlyMemberId);
    }
}
