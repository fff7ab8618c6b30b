package io.kubedl.persist.galera;

/** The TCK through node n2. */
class GaleraTckNode2Test extends GaleraNodeTck {
    GaleraTckNode2Test() {
        super(2);
    }
}
