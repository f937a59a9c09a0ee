//! Guided walkthroughs in the app: the built-in tours (data files compiled
//! in), the tours a teacher loaded (kept in local storage), and the tour in
//! progress.
//!
//! The format and its strict validation are [`format`]; this
//! module only decides where tours come from and how stepping works. A tour
//! is outside input even when it comes back from our own storage, so stored
//! tours go through [`load_tour`] again before they are used.

pub mod format;
#[cfg(feature = "first-load")]
mod lite_text;

use std::rc::Rc;

use format::{load_tour, Tour, TourError};

use crate::storage::StoredValue;

/// The built-in tours, one line per file in `tours/`.
const BUILT_IN_TOUR_FILES: [&str; 3] = [
    include_str!("../../tours/sichuan-localization.json"),
    include_str!("../../tours/spot-the-rewording.json"),
    include_str!("../../tours/from-2016-to-2018.json"),
];

/// How many tours a teacher may keep loaded: enough for a course, small
/// enough to list on one screen.
pub const MAX_USER_TOURS: usize = 20;

thread_local! {
    static BUILT_IN: Rc<[Rc<Tour>]> = BUILT_IN_TOUR_FILES
        .iter()
        .filter_map(|text| load_tour(text.as_bytes()).ok())
        .map(Rc::new)
        .collect();
}

/// The built-in tours, parsed once. A file that failed validation is left
/// out (the core's tests and [`tests`] below keep that from shipping).
pub fn built_in_tours() -> Rc<[Rc<Tour>]> {
    BUILT_IN.with(Rc::clone)
}

/// The tours a teacher loaded, in the order they were loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserTours(pub Vec<Rc<Tour>>);

impl UserTours {
    /// Adds `tour`, replacing a loaded tour with the same id (a teacher
    /// fixing their file loads it again). Refuses a new id beyond
    /// [`MAX_USER_TOURS`]; what was loaded stays loaded either way.
    pub fn with(&self, tour: Tour) -> Result<UserTours, AddTourError> {
        let mut tours = self.0.clone();
        match tours.iter().position(|t| t.id == tour.id) {
            Some(i) => tours[i] = Rc::new(tour),
            None if tours.len() >= MAX_USER_TOURS => return Err(AddTourError::TooMany),
            None => tours.push(Rc::new(tour)),
        }
        Ok(UserTours(tours))
    }

    pub fn without(&self, id: &str) -> UserTours {
        UserTours(self.0.iter().filter(|t| t.id != id).cloned().collect())
    }
}

/// Why a loaded file did not become a tour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddTourError {
    Invalid(TourError),
    TooMany,
    /// The tours together would not fit the space kept for them.
    NoRoom,
}

impl StoredValue for UserTours {
    const KEY: &'static str = "policy-explorer.user-tours";
    const VERSION: u32 = 1;
    /// Browsers give an origin about 5 MB; tours must not crowd out the
    /// rest.
    const MAX_BYTES: usize = 1024 * 1024;
    type Data = Vec<Tour>;

    fn to_data(&self) -> Vec<Tour> {
        self.0.iter().map(|t| (**t).clone()).collect()
    }

    /// Every stored tour is validated again with the file rules; one bad
    /// tour makes the whole value corrupt (it was not written by us).
    fn from_data(tours: Vec<Tour>) -> Result<Self, String> {
        if tours.len() > MAX_USER_TOURS {
            return Err(format!("{} tours stored", tours.len()));
        }
        tours
            .into_iter()
            .map(|tour| {
                let bytes = serde_json::to_vec(&tour).map_err(|e| e.to_string())?;
                load_tour(&bytes)
                    .map(Rc::new)
                    .map_err(|e| format!("stored tour {:?}: {e:?}", tour.id))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(UserTours)
    }
}

/// Parses a file the teacher picked and adds it to `current`, checking that
/// the result still fits in storage. Pure, so the rules are tested natively.
pub fn add_tour_file(
    current: &UserTours,
    bytes: &[u8],
) -> Result<(UserTours, Rc<Tour>), AddTourError> {
    let tour = load_tour(bytes).map_err(AddTourError::Invalid)?;
    let id = tour.id.clone();
    let next = current.with(tour)?;
    if crate::storage::encode(&next).is_err() {
        return Err(AddTourError::NoRoom);
    }
    let added = next
        .0
        .iter()
        .find(|t| t.id == id)
        .cloned()
        .ok_or(AddTourError::TooMany)?;
    Ok((next, added))
}

/// What the tours page needs from the app state: the loaded tours and the
/// callbacks that change them (provided by the app shell).
#[derive(Clone, PartialEq)]
pub struct ToursContext {
    pub user: UserTours,
    /// Replaces the loaded tours (persisted by the app shell).
    pub set_user: yew::Callback<UserTours>,
    pub start: yew::Callback<Rc<Tour>>,
}

/// The tour in progress and the step shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveTour {
    pub tour: Rc<Tour>,
    /// Index into `tour.steps`, always in range.
    pub step: usize,
}

impl ActiveTour {
    pub fn start(tour: Rc<Tour>) -> Self {
        ActiveTour { tour, step: 0 }
    }

    /// The step `delta` away, clamped to the tour (no wrap-around: the last
    /// step's "next" does nothing rather than jumping back to the start).
    pub fn moved(&self, delta: isize) -> Self {
        let last = self.tour.steps.len().saturating_sub(1);
        let step = self.step.saturating_add_signed(delta).min(last);
        ActiveTour {
            tour: self.tour.clone(),
            step,
        }
    }

    pub fn route(&self) -> &str {
        self.tour
            .steps
            .get(self.step)
            .map_or("#/", |s| s.route.as_str())
    }

    pub fn is_first(&self) -> bool {
        self.step == 0
    }

    pub fn is_last(&self) -> bool {
        self.step + 1 >= self.tour.steps.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{decode, encode};

    fn tour_json(id: &str, route: &str) -> String {
        format!(
            r##"{{"format":"policy-explorer-tour/1","id":"{id}","title":{{"zh":"标题"}},
            "steps":[{{"route":"{route}","title":{{"zh":"一"}},"text":{{"zh":"说明"}}}},
                     {{"route":"#/","title":{{"zh":"二"}},"text":{{"zh":"说明"}}}}]}}"##
        )
    }

    #[test]
    fn every_built_in_tour_is_compiled_in_and_valid() {
        let tours = built_in_tours();
        assert_eq!(tours.len(), BUILT_IN_TOUR_FILES.len());
        let ids: Vec<&str> = tours.iter().map(|t| t.id.as_str()).collect();
        assert!(ids.contains(&"spot-the-rewording"), "{ids:?}");
    }

    #[test]
    fn loading_adds_replaces_by_id_and_keeps_what_was_loaded_on_error() {
        let (one, _) =
            add_tour_file(&UserTours::default(), tour_json("a", "#/doc/x").as_bytes()).unwrap();
        let (two, added) = add_tour_file(&one, tour_json("a", "#/search").as_bytes()).unwrap();
        assert_eq!(two.0.len(), 1, "same id replaces");
        assert_eq!(added.steps[0].route, "#/search");
        let err = add_tour_file(&two, b"\xff\xfe binary").unwrap_err();
        assert!(matches!(err, AddTourError::Invalid(TourError::NotText)));
        let err =
            add_tour_file(&two, tour_json("b", "javascript:alert(1)").as_bytes()).unwrap_err();
        assert!(matches!(
            err,
            AddTourError::Invalid(TourError::Field { .. })
        ));
        assert_eq!(two.without("a"), UserTours::default());
    }

    #[test]
    fn no_more_than_the_maximum_is_kept() {
        let mut tours = UserTours::default();
        for n in 0..MAX_USER_TOURS {
            tours = add_tour_file(&tours, tour_json(&format!("t{n}"), "#/").as_bytes())
                .unwrap()
                .0;
        }
        let err = add_tour_file(&tours, tour_json("one-more", "#/").as_bytes()).unwrap_err();
        assert_eq!(err, AddTourError::TooMany);
    }

    #[test]
    fn stored_tours_round_trip_and_tampered_ones_are_refused() {
        let (tours, _) =
            add_tour_file(&UserTours::default(), tour_json("a", "#/doc/x").as_bytes()).unwrap();
        let text = encode(&tours).unwrap();
        assert_eq!(decode::<UserTours>(&text), Ok(tours));
        let tampered = text.replace("#/doc/x", "javascript:alert(1)");
        assert!(decode::<UserTours>(&tampered)
            .unwrap_err()
            .contains("stored tour"));
        assert!(decode::<UserTours>(r#"{"v":1,"data":{"not":"a list"}}"#).is_err());
    }

    #[test]
    fn stepping_is_clamped_to_the_tour() {
        let tour = Rc::new(load_tour(tour_json("a", "#/doc/x").as_bytes()).unwrap());
        let active = ActiveTour::start(tour);
        assert!(active.is_first());
        assert_eq!(active.moved(-1).step, 0);
        let last = active.moved(5);
        assert_eq!(last.step, 1);
        assert!(last.is_last());
        assert_eq!(last.route(), "#/");
        assert_eq!(active.route(), "#/doc/x");
    }
}
