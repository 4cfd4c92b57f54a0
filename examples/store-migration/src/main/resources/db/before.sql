-- The schema of the Citus migration guide *before* the migration: what a single-node application typically has.
-- Every table has a single-column primary key; line_items is normalized and has no store_id (its store is the one
-- of its order). Constraint names are PostgreSQL's defaults, spelled out because the migration names them.
CREATE TABLE stores (
    store_id    uuid NOT NULL,
    name        text NOT NULL,
    owner_email text NOT NULL,
    CONSTRAINT stores_pkey PRIMARY KEY (store_id)
);
CREATE TABLE products (
    product_id bigint NOT NULL,
    store_id   uuid NOT NULL,
    name       text NOT NULL,
    price      numeric(10, 2) NOT NULL,
    CONSTRAINT products_pkey PRIMARY KEY (product_id),
    CONSTRAINT products_store_id_fkey FOREIGN KEY (store_id) REFERENCES stores (store_id)
);
CREATE TABLE orders (
    order_id     bigint NOT NULL,
    store_id     uuid NOT NULL,
    order_number text NOT NULL, -- the store's own number for the order, #1001 onwards in every store
    status       text NOT NULL,
    ordered_at   timestamptz NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (order_id),
    CONSTRAINT orders_store_id_fkey FOREIGN KEY (store_id) REFERENCES stores (store_id)
);
CREATE TABLE line_items (
    line_item_id bigint NOT NULL,
    order_id     bigint NOT NULL,
    product_id   bigint NOT NULL,
    quantity     integer NOT NULL,
    CONSTRAINT line_items_pkey PRIMARY KEY (line_item_id),
    CONSTRAINT line_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (order_id),
    CONSTRAINT line_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (product_id)
);
