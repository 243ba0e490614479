package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The report after an event, for writing or replacing it.
 *
 * @param lessonsLearned what the visit taught
 * @param materials      presentations and other materials, as links
 * @param followUps      actions agreed, each with its owner and due date
 * @param version        when replacing a report: the version last read; required then, a stale one is refused
 */
@Serdeable
public record EventReportCommand(@Nullable @Size(max = 50_000) String lessonsLearned,
                                 @Nullable @Size(max = 100) List<@NotNull @Valid Material> materials,
                                 @Nullable @Size(max = 100) List<@NotNull @Valid FollowUp> followUps,
                                 @Nullable Long version) {

    /**
     * A material of the event.
     *
     * @param title what it is
     * @param url   an http or https link to it
     */
    @Serdeable
    public record Material(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 2000) String url) {
    }

    /**
     * An action to follow the event up.
     *
     * @param action    what is to be done
     * @param owner     who does it
     * @param dueOn     by when
     * @param networkId the cooperation network it belongs to, if any
     */
    @Serdeable
    public record FollowUp(@NotBlank @Size(max = 1000) String action, @NotBlank @Size(max = 200) String owner,
                           @NotNull LocalDate dueOn, @Nullable UUID networkId) {
    }
}
