-- The camera's body serial number from the EXIF, when it has one (clock offsets per camera).
alter table photo add column camera_serial text;
