package eu.koopera.partnerships;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** The twinning committee of a twinning. Roles are checked in {@link CommitteeService}. */
@Controller("/api/agreements/{id}/committee")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CommitteeController {

    private final CommitteeService committee;

    CommitteeController(CommitteeService committee) {
        this.committee = committee;
    }

    @Get
    List<CommitteeMemberResponse> members(@PathVariable UUID id) {
        return committee.members(id);
    }

    @Post
    HttpResponse<CommitteeMemberResponse> add(@PathVariable UUID id, @Body @Valid CommitteeMemberCommand command) {
        return HttpResponse.created(committee.add(id, command));
    }

    @Delete("/{memberId}")
    HttpResponse<Void> remove(@PathVariable UUID id, @PathVariable UUID memberId) {
        committee.remove(id, memberId);
        return HttpResponse.noContent();
    }
}
