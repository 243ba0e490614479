package eu.koopera.partnerships;

/** Whether another association named in an agreement has confirmed it. */
public enum ConfirmationStatus {
    PENDING,
    CONFIRMED
}
