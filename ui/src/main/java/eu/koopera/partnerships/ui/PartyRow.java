package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.members.MemberService;
import eu.koopera.partnerships.ForeignMunicipality;
import eu.koopera.partnerships.Organisation;
import eu.koopera.partnerships.PartyCommand;
import eu.koopera.partnerships.PartyResponse;
import eu.koopera.ui.forms.Fields;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One party in the agreement dialog: a member of the own association (picked from the register), a member of
 * another association (its code and the member's id there), a foreign municipality (name and country) or a
 * community organisation (name, registration number and kind). Only the fields of the chosen kind show.
 */
class PartyRow extends FormLayout {

    /** The kinds of party the dialog offers; a member is either the association's own or another's. */
    enum Kind { OWN_MEMBER, OTHER_MEMBER, FOREIGN, ORGANISATION }

    private final Select<Kind> kind = new Select<>();
    private final OwnMemberPicker member;
    private final TextField tenant;
    private final BigDecimalField memberId = new BigDecimalField();
    private final TextField name;
    private final TextField country;
    private final TextField registrationNo;
    private final TextField organisationKind;
    private final Button remove = new Button(VaadinIcon.TRASH.create());

    PartyRow(int index, MemberService members, Runnable onRemove) {
        String id = "party-" + index;
        setId(id);
        addClassName("koopera-party-row");
        kind.setLabel(getTranslation("partnerships.party.kind"));
        kind.setId(id + "-kind");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(value -> getTranslation("partnerships.party.kind." + value));
        kind.setValue(Kind.OWN_MEMBER);
        member = new OwnMemberPicker("partnerships.party.member", id + "-member", members);
        tenant = Fields.text(this, "partnerships.party.association", id + "-tenant");
        memberId.setLabel(getTranslation("partnerships.party.memberId"));
        memberId.setId(id + "-member-id");
        name = Fields.text(this, "partnerships.party.name", id + "-name");
        country = Fields.text(this, "partnerships.party.country", id + "-country");
        country.setMaxLength(2);
        country.setHelperText(getTranslation("partnerships.party.country.help"));
        registrationNo = Fields.text(this, "partnerships.party.registrationNo", id + "-registration-no");
        organisationKind = Fields.text(this, "partnerships.party.organisationKind", id + "-organisation-kind");
        remove.setId(id + "-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("partnerships.party.remove", index + 1));
        remove.addClickListener(click -> onRemove.run());
        add(kind, member, tenant, memberId, name, country, registrationNo, organisationKind, remove);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40rem", 4));
        kind.addValueChangeListener(change -> showKind());
        showKind();
    }

    /** The row filled from a stored party. */
    void fill(PartyResponse party, String ownTenant, MemberService members) {
        switch (party.kind()) {
            case MEMBER -> {
                if (ownTenant.equals(party.tenant())) {
                    kind.setValue(Kind.OWN_MEMBER);
                    member.setValue(members.get(party.memberId()));
                } else {
                    kind.setValue(Kind.OTHER_MEMBER);
                    tenant.setValue(party.tenant());
                    memberId.setValue(BigDecimal.valueOf(party.memberId()));
                }
            }
            case FOREIGN -> {
                kind.setValue(Kind.FOREIGN);
                name.setValue(party.foreign().name());
                country.setValue(party.foreign().country());
            }
            case ORGANISATION -> {
                kind.setValue(Kind.ORGANISATION);
                name.setValue(party.organisation().name());
                registrationNo.setValue(Fields.nullToEmpty(party.organisation().registrationNo()));
                organisationKind.setValue(Fields.nullToEmpty(party.organisation().kind()));
            }
        }
    }

    void setOwnMember(eu.koopera.members.MemberResponse value) {
        kind.setValue(Kind.OWN_MEMBER);
        member.setValue(value);
    }

    private void showKind() {
        Kind chosen = kind.getValue();
        member.setVisible(chosen == Kind.OWN_MEMBER);
        tenant.setVisible(chosen == Kind.OTHER_MEMBER);
        memberId.setVisible(chosen == Kind.OTHER_MEMBER);
        name.setVisible(chosen == Kind.FOREIGN || chosen == Kind.ORGANISATION);
        country.setVisible(chosen == Kind.FOREIGN);
        registrationNo.setVisible(chosen == Kind.ORGANISATION);
        organisationKind.setVisible(chosen == Kind.ORGANISATION);
    }

    /** Marks the required fields of the chosen kind left empty; whether all are given. */
    boolean checkRequired() {
        clearErrors();
        List<HasValidation> missing = switch (kind.getValue()) {
            case OWN_MEMBER -> member.getValue() == null ? List.of(member) : List.of();
            case OTHER_MEMBER -> {
                List<HasValidation> empty = new java.util.ArrayList<>();
                if (tenant.getValue().isBlank()) {
                    empty.add(tenant);
                }
                if (memberId.getValue() == null) {
                    empty.add(memberId);
                }
                yield empty;
            }
            case FOREIGN -> name.getValue().isBlank() ? List.of(name)
                    : country.getValue().isBlank() ? List.of(country) : List.of();
            case ORGANISATION -> name.getValue().isBlank() ? List.of(name) : List.of();
        };
        missing.forEach(field -> mark(field, getTranslation("validation.required")));
        return missing.isEmpty();
    }

    PartyCommand command() {
        return switch (kind.getValue()) {
            case OWN_MEMBER -> new PartyCommand(null, member.getValue() == null ? null : member.getValue().id(),
                    null, null);
            case OTHER_MEMBER -> new PartyCommand(tenant.getValue().strip().toLowerCase(Locale.ROOT),
                    memberId.getValue() == null ? null : memberId.getValue().longValue(), null, null);
            case FOREIGN -> new PartyCommand(null, null, new ForeignMunicipality(name.getValue().strip(),
                    country.getValue().strip().toUpperCase(Locale.ROOT)), null);
            case ORGANISATION -> new PartyCommand(null, null, null, new Organisation(name.getValue().strip(),
                    Fields.blankToNull(registrationNo.getValue()), Fields.blankToNull(organisationKind.getValue())));
        };
    }

    /** Shows a refusal naming this party ({@code parties[i]} and what follows it) on its field. */
    void showError(String subField, String message) {
        HasValidation field = switch (subField) {
            case ".tenant" -> tenant;
            case ".memberId" -> kind.getValue() == Kind.OWN_MEMBER ? member : memberId;
            case ".foreign.country" -> country;
            default -> switch (kind.getValue()) {
                case OWN_MEMBER -> member;
                case OTHER_MEMBER -> memberId;
                case FOREIGN, ORGANISATION -> name;
            };
        };
        mark(field, message);
    }

    void clearErrors() {
        List.<HasValidation>of(member, tenant, memberId, name, country).forEach(field -> field.setInvalid(false));
    }

    private static void mark(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
