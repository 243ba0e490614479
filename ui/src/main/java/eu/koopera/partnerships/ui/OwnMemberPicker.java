package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;

/** A member of the user's own association, looked up in the register as the user types, a page at a time. */
class OwnMemberPicker extends ComboBox<MemberResponse> {

    OwnMemberPicker(String labelKey, String id, MemberService members) {
        setLabel(getTranslation(labelKey));
        setId(id);
        setItemLabelGenerator(member -> member.name() + " (" + member.code() + ")");
        setItems(query -> members.search(MemberSearch.text(query.getFilter()
                .filter(text -> !text.isBlank()).map(String::strip).orElse(null)), query.getPage(),
                query.getPageSize()).items().stream());
    }
}
