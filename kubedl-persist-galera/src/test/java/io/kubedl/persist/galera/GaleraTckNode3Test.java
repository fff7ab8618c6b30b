package io.kubedl.persist.galera;

/** The TCK through node n3. */
class GaleraTckNode3Test extends GaleraNodeTck {
    GaleraTckNode3Test() {
        super(3);
    }
}
