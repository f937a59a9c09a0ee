//! Small components, one per file: props in, callbacks out. They never
//! read the app state; views pass them what they show. (A few reach what
//! the shell provides to everyone: the router, to navigate, and the shared
//! search engine.)

pub mod back_link;
pub mod compare_copy_panel;
pub mod compare_diff_panel;
pub mod compare_doc_picker;
pub mod compare_link_mark;
pub mod compare_matrix_cell;
pub mod compare_options_bar;
pub mod compare_pair_row;
pub mod compare_relation_badge;
pub mod compare_stepper;
pub mod compare_summary;
pub mod compare_table;
pub mod compare_text_choice;
pub mod diff_text;
pub mod document_meta;
pub mod document_row;
pub mod embed_bar;
pub mod lang_toggle;
pub mod metadata_value;
pub mod notice_list;
pub mod presentation_bar;
pub mod print_footer;
pub mod provenance_details;
pub mod restoration_note;
pub mod restored_text;
pub mod reworded_mark;
pub mod search_export;
pub mod search_facets;
pub mod search_kwic_line;
pub mod search_notices;
pub mod search_query_box;
pub mod search_results;
pub mod search_term_chart;
pub mod search_unit_text;
pub mod share_dialog;
pub mod site_header;
pub mod skip_link;
pub mod suspect_text;
pub mod table_of_contents;
pub mod tag_list;
pub mod tour_overlay;
pub mod unit_block;
pub mod word_boundary_toggle;
