package eu.koopera.benchlearning.ui;

import eu.koopera.benchlearning.PeerGroup;

/** How a peer group chooses its members, as the portal names the three ways. */
enum PeerGroupKind {
    HAND_PICKED, CRITERIA, NETWORK;

    static PeerGroupKind of(PeerGroup group) {
        return group.handPicked() ? HAND_PICKED : group.network() != null ? NETWORK : CRITERIA;
    }
}
