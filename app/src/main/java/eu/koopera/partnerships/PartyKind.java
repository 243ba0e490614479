package eu.koopera.partnerships;

/** Who a party of an agreement is: a member of an association, a foreign municipality or an organisation. */
public enum PartyKind {
    MEMBER,
    FOREIGN,
    ORGANISATION
}
